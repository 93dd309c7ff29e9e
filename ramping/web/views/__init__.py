"""Views of the workbench, one module per page. Each is thin: selectors read, services write."""
