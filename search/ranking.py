"""What both full-text engines rank, how much of it, and how much a kind of page weighs."""

# Pages about a treatment or condition answer most questions best; a glossary line is short, so
# plain ranking would favour it for any word it contains.
KIND_WEIGHT = {"treatment": 1.4, "condition": 1.4, "glossary": 0.6, "article": 1.0}
KIND_WEIGHT_SQL = "CASE d.kind WHEN 'treatment' THEN 1.4 WHEN 'condition' THEN 1.4 WHEN 'glossary' THEN 0.6 ELSE 1.0 END"
CANDIDATES = 300  # the best few hundred are ranked; deeper pages are rare
WORD_CANDIDATES = 500  # SQLite: for each word, pages with it in the head and pages with it anywhere
MAX_COUNTED = 1000  # "1,000 results" is as useful to a reader as an exact larger number
