"""SQLite FTS5: bm25 over title, other names, summary and body, for a bounded set of candidates."""

from django.db import connection

from . import ranking
from .languages import spanish_index_text
from .models import SearchDocument

# Title, aliases, summary, body: a match in a title or an other name beats one in the body.
WEIGHTS = (10.0, 8.0, 3.0, 1.0)
RANK_FUNCTION = "bm25(search_fts, {}, {}, {}, {})".format(*WEIGHTS)
HEAD_COLUMNS = "{title aliases summary} : "
DELETE_BATCH = 500  # ids in one statement, well under SQLite's limit on parameters
# Drafts and pages published later: few, found through the index on visible_from. Leaving them out
# by id spares reading each matching row, whose visible_from is stored after the long body.
VISIBLE_MATCHES = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND language = %s AND +rowid NOT IN "
    "(SELECT id FROM search_searchdocument WHERE visible_from IS NULL OR visible_from > %s) LIMIT %s"
)


def _fts5_string(word):
    return '"' + word.replace('"', '""') + '"'


def _indexed(text, language):
    """FTS5 stems English itself; Spanish arrives stemmed (search/languages.py)."""
    return spanish_index_text(text) if language == "es" else text


class SqliteBackend:
    def write(self, documents):
        latest = {doc.pk: doc for doc in documents}  # a document saved twice in one batch is indexed as last saved
        self.delete(list(latest))
        rows = [
            [doc.pk, *(_indexed(text, doc.language) for text in (doc.title, doc.aliases, doc.summary, doc.body)), doc.language]
            for doc in latest.values()
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, aliases, summary, body, language) VALUES (%s, %s, %s, %s, %s, %s)", rows
            )

    def delete(self, ids):
        with connection.cursor() as cursor:
            for start in range(0, len(ids), DELETE_BATCH):
                batch = ids[start : start + DELETE_BATCH]
                marks = ", ".join(["%s"] * len(batch))
                cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", batch)  # noqa: S608 (placeholders only)

    def clear(self):
        """Empty the index. FTS5 deletes a row by recording its words as deleted, so the old entries are merged
        away at once: a rebuild left them behind, doubling the index and making every search three times slower."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")

    def analyze(self):
        """FTS5 needs no statistics."""

    @staticmethod
    def match_terms(plan, language="en"):
        """One FTS5 string per word or phrase; an unfinished last word is a prefix."""
        terms = [_fts5_string(_indexed(word, language)) for word in plan.words]
        if plan.prefix_last and terms:
            terms[-1] += "*"
        return terms + [_fts5_string(_indexed(" ".join(phrase), language)) for phrase in plan.phrases]

    def search(self, plan, today, limit, offset, language="en"):
        """Rank candidates with bm25, weigh the best few hundred by kind, and count the matches.

        bm25 costs about 1.5 ms per 1,000 pages and word, and "pain" is on nearly every page, so only
        candidates are ranked: for each word or phrase, the visible pages with it in the title, other
        names or summary, and the first visible pages with it anywhere, up to WORD_CANDIDATES of each.
        A word on fewer pages brings all of them, so a page with a rarer word is always ranked; the
        pages left out have only common words, and only in the body.
        """
        terms = self.match_terms(plan, language)
        if not terms:
            return [], 0
        expression = " OR ".join(terms)
        unique = dict.fromkeys(terms)  # a synonym may repeat a word: it counts twice in bm25 but needs one look-up
        candidates = " UNION ".join([f"SELECT * FROM ({VISIBLE_MATCHES})"] * 2 * len(unique))  # noqa: S608 (constant)
        bound = ranking.WORD_CANDIDATES
        candidate_params = [
            p for term in unique for p in (HEAD_COLUMNS + term, language, today, bound, term, language, today, bound)
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {RANK_FUNCTION} AS score FROM search_fts "  # noqa: S608 (constant fragments)
                f"WHERE search_fts MATCH %s AND +rowid IN ({candidates}) ORDER BY score, rowid LIMIT %s",
                [expression, *candidate_params, ranking.CANDIDATES],
            )
            ranked = cursor.fetchall()
        kinds = dict(SearchDocument.objects.filter(pk__in=[pk for pk, _ in ranked]).values_list("pk", "kind"))
        scored = sorted((score * ranking.KIND_WEIGHT[kinds[pk]], pk) for pk, score in ranked if pk in kinds)
        # Fewer ranked than either bound: no word reached its bound, so every visible match was ranked.
        every_match_ranked = len(ranked) < min(ranking.CANDIDATES, bound)
        total = len(scored) if every_match_ranked else max(len(scored), self._count(expression, today, language))
        return [pk for _, pk in scored[offset : offset + limit]], total

    def _count(self, expression, today, language):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM ({VISIBLE_MATCHES})",  # noqa: S608 (constant fragments)
                [expression, language, today, ranking.MAX_COUNTED],
            )
            return cursor.fetchone()[0]

    def has_hits(self, word, today, language):
        """Whether any visible page in the language contains the word (stops at the first)."""
        with connection.cursor() as cursor:
            cursor.execute(VISIBLE_MATCHES, [_fts5_string(_indexed(word, language)), language, today, 1])
            return cursor.fetchone() is not None
