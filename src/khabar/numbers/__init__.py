"""Arabic numbers: digits, number words, ranges, units and counted nouns."""
