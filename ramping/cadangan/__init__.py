"""Backup and restore of a whole installation (`cadangkan`, `pulihkan`) and moving one agency
between installations (`instansi ekspor`, `instansi impor`). See docs/deploy.md."""
