"""One small interface over two full-text engines: SQLite FTS5 and PostgreSQL text search.

Both receive only the words of a `Plan` (letters and digits), always as
query parameters, never spliced into SQL.
"""

from django.db import connection

from .models import SearchDocument

# Title, aliases, summary, body: a match in a title or an other name beats one in the body.
SQLITE_WEIGHTS = (10.0, 8.0, 3.0, 1.0)
# Pages about a treatment or condition answer most questions best; a glossary line is short, so
# plain ranking would favour it for any word it contains.
KIND_WEIGHT = {"treatment": 1.4, "condition": 1.4, "glossary": 0.6, "article": 1.0}
KIND_WEIGHT_SQL = "CASE d.kind WHEN 'treatment' THEN 1.4 WHEN 'condition' THEN 1.4 WHEN 'glossary' THEN 0.6 ELSE 1.0 END"
RANK_FUNCTION = "bm25({}, {}, {}, {})".format(*SQLITE_WEIGHTS)
CANDIDATES = 300  # the best few hundred are ranked; deeper pages are rare
MAX_COUNTED = 1000  # "1,000 results" is as useful to a reader as an exact larger number


def _fts5_string(word):
    return '"' + word.replace('"', '""') + '"'


class SqliteBackend:
    def write(self, documents):
        with connection.cursor() as cursor:
            for doc in documents:
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [doc.pk])
                cursor.execute(
                    "INSERT INTO search_fts (rowid, title, aliases, summary, body) VALUES (%s, %s, %s, %s, %s)",
                    [doc.pk, doc.title, doc.aliases, doc.summary, doc.body],
                )

    def delete(self, ids):
        with connection.cursor() as cursor:
            for pk in ids:
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def analyze(self):
        """FTS5 needs no statistics."""

    @staticmethod
    def match_expression(plan):
        terms = [_fts5_string(word) for word in plan.words]
        if plan.prefix_last and terms:
            terms[-1] += "*"
        terms += [_fts5_string(" ".join(phrase)) for phrase in plan.phrases]
        return " OR ".join(terms)

    def search(self, plan, today, limit, offset):
        """Rank inside FTS5 (its fast `ORDER BY rank` path), then weigh and filter the best few hundred."""
        expression = self.match_expression(plan)
        if not expression:
            return [], 0
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s AND rank MATCH %s ORDER BY rank LIMIT %s",
                [expression, RANK_FUNCTION, CANDIDATES],
            )
            ranked = cursor.fetchall()
        visible = dict(
            SearchDocument.objects.filter(pk__in=[pk for pk, _ in ranked], visible_from__lte=today).values_list("pk", "kind")
        )
        scored = sorted((score * KIND_WEIGHT[visible[pk]], pk) for pk, score in ranked if pk in visible)
        total = len(scored) if len(ranked) < CANDIDATES else max(len(scored), self._count(expression, today))
        return [pk for _, pk in scored[offset : offset + limit]], total

    def _count(self, expression, today):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.visible_from <= %s LIMIT %s)",
                [expression, today, MAX_COUNTED],
            )
            return cursor.fetchone()[0]

    def hit_count(self, word, today):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.visible_from <= %s",
                [_fts5_string(word), today],
            )
            return cursor.fetchone()[0]


class PostgresBackend:
    """`head_vector` (title, other names, summary) finds the likely answers fast; `search_vector` adds the body."""

    HEAD = (
        "setweight(to_tsvector('english', unaccent(title)), 'A') || "
        "setweight(to_tsvector('english', unaccent(aliases)), 'B') || "
        "setweight(to_tsvector('english', unaccent(summary)), 'C')"
    )
    VECTOR = HEAD + " || setweight(to_tsvector('english', unaccent(body)), 'D')"

    def write(self, documents):
        ids = [doc.pk for doc in documents]
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE search_searchdocument SET search_vector = {self.VECTOR}, head_vector = {self.HEAD} "  # noqa: S608
                    "WHERE id = ANY(%s)",
                    [ids],
                )

    def delete(self, ids):
        """Rows are deleted with their documents; nothing else to do."""

    def clear(self):
        """The vector lives on the document row."""

    def analyze(self):
        """Fresh statistics after a large change, so the planner picks index or scan wisely for each word."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

    @staticmethod
    def tsquery_parts(plan, *, phrases=True, prefix=True):
        """SQL fragments and parameters that OR together into one tsquery."""
        parts, params = [], []
        for index, word in enumerate(plan.words):
            if prefix and plan.prefix_last and index == len(plan.words) - 1:
                parts.append("to_tsquery('english', %s)")
                params.append(word + ":*")
            else:
                parts.append("plainto_tsquery('english', unaccent(%s))")
                params.append(word)
        for phrase in plan.phrases if phrases else []:
            parts.append("phraseto_tsquery('english', unaccent(%s))")
            params.append(" ".join(phrase))
        return parts, params

    def search(self, plan, today, limit, offset):
        """Rank a bounded set: the head matches (title, other names, summary) and the first body matches found.

        A word such as "pain" is in nearly every page; ranking thousands of long vectors costs more than
        the reader gains. A phrase from a synonym, or an unfinished last word, is looked for in the head.
        """
        parts, params = self.tsquery_parts(plan)
        # The body is searched for whole words only: phrases and prefixes make PostgreSQL read every row.
        word_parts, word_params = self.tsquery_parts(plan, phrases=False, prefix=False) if plan.words else (parts, params)
        if not parts:
            return [], 0
        query, words_query = " || ".join(parts), " || ".join(word_parts)
        sql = (
            f"WITH q AS (SELECT {query} AS q), w AS (SELECT {words_query} AS q), "  # noqa: S608 (fragments are constants)
            "head AS (SELECT d.id FROM search_searchdocument d, q WHERE d.head_vector @@ q.q AND d.visible_from <= %s LIMIT %s), "
            "body AS (SELECT d.id FROM search_searchdocument d, w "
            "WHERE d.search_vector @@ w.q AND d.visible_from <= %s LIMIT %s), "
            "candidates AS (SELECT id FROM head UNION SELECT id FROM body) "
            f"SELECT d.id, ts_rank(d.search_vector, q.q, 1) * {KIND_WEIGHT_SQL} AS score "
            "FROM search_searchdocument d JOIN candidates c ON c.id = d.id, q ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
        )
        count_sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM search_searchdocument d, (SELECT {words_query} AS q) AS w "  # noqa: S608
            "WHERE d.search_vector @@ w.q AND d.visible_from <= %s LIMIT %s) AS matches"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *word_params, today, CANDIDATES, today, CANDIDATES, limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
            cursor.execute(count_sql, [*word_params, today, MAX_COUNTED])
            total = max(min(cursor.fetchone()[0], MAX_COUNTED), len(ids) + offset)
        return ids, total

    def hit_count(self, word, today):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_searchdocument WHERE search_vector @@ plainto_tsquery('english', unaccent(%s)) "
                "AND visible_from <= %s",
                [word, today],
            )
            return cursor.fetchone()[0]


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
