"""Énergir's SGÉ subsidy program (seed 001): aid rules, deadlines, stacking and the payment invoice."""
