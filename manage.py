#!/usr/bin/env python
import sys

if __name__ == "__main__":
    from ramping.cli import jalankan

    jalankan(sys.argv)
