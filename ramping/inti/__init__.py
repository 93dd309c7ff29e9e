"""Base pieces every bounded context builds on: agency scope, tenant and versioned model bases,
the optimistic lock. See docs/arsitektur.md."""
