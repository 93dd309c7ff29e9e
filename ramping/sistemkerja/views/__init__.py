"""Pages of the work system (tim kerja, penugasan, beban kerja, koordinasi). Thin: parse the
request, call a selector or a service, render; every rule lives in services and akses."""
