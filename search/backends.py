"""One small interface over two full-text engines: SQLite FTS5 and PostgreSQL text search.

Both receive only the words of a `Plan` (letters and digits), always as
query parameters, never spliced into SQL.
"""

from django.db import connection

# Title, aliases, summary, body: a match in a title or an other name beats one in the body.
SQLITE_WEIGHTS = (10.0, 8.0, 3.0, 1.0)
# Pages about a treatment or condition answer most questions best; a glossary line is short, so
# plain ranking would favour it for any word it contains.
KIND_WEIGHT_SQL = "CASE d.kind WHEN 'treatment' THEN 1.4 WHEN 'condition' THEN 1.4 WHEN 'glossary' THEN 0.6 ELSE 1.0 END"


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

    @staticmethod
    def match_expression(plan):
        terms = [_fts5_string(word) for word in plan.words]
        if plan.prefix_last and terms:
            terms[-1] += "*"
        terms += [_fts5_string(" ".join(phrase)) for phrase in plan.phrases]
        return " OR ".join(terms)

    def search(self, plan, today, limit, offset):
        expression = self.match_expression(plan)
        if not expression:
            return [], 0
        where = "search_fts MATCH %s AND d.visible_from <= %s"
        base = f"FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid WHERE {where}"  # noqa: S608 (constant SQL)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [expression, today])  # noqa: S608
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT d.id, bm25(search_fts, %s, %s, %s, %s) * {KIND_WEIGHT_SQL} AS score {base} "  # noqa: S608
                "ORDER BY score, d.id LIMIT %s OFFSET %s",
                [*SQLITE_WEIGHTS, expression, today, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()], total

    def hit_count(self, word, today):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.visible_from <= %s",
                [_fts5_string(word), today],
            )
            return cursor.fetchone()[0]


class PostgresBackend:
    VECTOR = (
        "setweight(to_tsvector('english', unaccent(title)), 'A') || "
        "setweight(to_tsvector('english', unaccent(aliases)), 'B') || "
        "setweight(to_tsvector('english', unaccent(summary)), 'C') || "
        "setweight(to_tsvector('english', unaccent(body)), 'D')"
    )

    def write(self, documents):
        ids = [doc.pk for doc in documents]
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(f"UPDATE search_searchdocument SET search_vector = {self.VECTOR} WHERE id = ANY(%s)", [ids])  # noqa: S608

    def delete(self, ids):
        """Rows are deleted with their documents; nothing else to do."""

    def clear(self):
        """The vector lives on the document row."""

    @staticmethod
    def tsquery_parts(plan):
        """SQL fragments and parameters that OR together into one tsquery."""
        parts, params = [], []
        for index, word in enumerate(plan.words):
            if plan.prefix_last and index == len(plan.words) - 1:
                parts.append("to_tsquery('english', %s)")
                params.append(word + ":*")
            else:
                parts.append("plainto_tsquery('english', unaccent(%s))")
                params.append(word)
        for phrase in plan.phrases:
            parts.append("phraseto_tsquery('english', unaccent(%s))")
            params.append(" ".join(phrase))
        return parts, params

    def search(self, plan, today, limit, offset):
        parts, params = self.tsquery_parts(plan)
        if not parts:
            return [], 0
        query = " || ".join(parts)
        base = (
            f"FROM search_searchdocument d, (SELECT {query} AS q) AS tq "  # noqa: S608 (fragments are constants)
            "WHERE d.search_vector @@ tq.q AND d.visible_from <= %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [*params, today])  # noqa: S608 (fragments are constants)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT d.id, ts_rank(d.search_vector, tq.q, 1) * {KIND_WEIGHT_SQL} AS score {base} "  # noqa: S608
                "ORDER BY score DESC, d.id LIMIT %s OFFSET %s",
                [*params, today, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()], total

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
