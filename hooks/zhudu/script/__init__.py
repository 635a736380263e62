"""Simplified ↔ Traditional conversion: OpenCC with protected spans and the editor's rules, the regional vocabulary layer, the variants, the editor's audit."""
