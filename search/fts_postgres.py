"""PostgreSQL text search: `head_vector` (title, other names, summary) finds the likely answers fast;
`search_vector` adds the body and ranks them."""

from django.db import connection

from . import ranking

# New entries of a GIN index wait in a pending list that every search reads through until a vacuum
# merges it: up to 4 MB, 17 ms a search. Writes merge it at once. Only the owner of an index may, as
# with ANALYZE; for anyone else the list is left to autovacuum.
MERGE_PENDING_SQL = (
    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.oid IN "
    "(to_regclass('search_document_vector'), to_regclass('search_document_head_vector')) "
    "AND pg_has_role(c.relowner, 'USAGE')"
)


# PostgreSQL's own text search configurations: stemming and little words for each of the site's languages.
CONFIGURATIONS = {"en": "english", "es": "spanish"}


def _head(config):
    return (
        f"setweight(to_tsvector('{config}', unaccent(title)), 'A') || "
        f"setweight(to_tsvector('{config}', unaccent(aliases)), 'B') || "
        f"setweight(to_tsvector('{config}', unaccent(summary)), 'C')"
    )


def _vector(config):
    return _head(config) + f" || setweight(to_tsvector('{config}', unaccent(body)), 'D')"


class PostgresBackend:
    def write(self, documents):
        with connection.cursor() as cursor:
            for language, config in CONFIGURATIONS.items():
                ids = [doc.pk for doc in documents if doc.language == language]
                if ids:
                    cursor.execute(
                        f"UPDATE search_searchdocument SET search_vector = {_vector(config)}, "  # noqa: S608 (constants)
                        f"head_vector = {_head(config)} WHERE id = ANY(%s)",
                        [ids],
                    )
            if documents:
                cursor.execute(MERGE_PENDING_SQL)

    def delete(self, ids):
        """Rows are deleted with their documents; nothing else to do."""

    def clear(self):
        """The vector lives on the document row."""

    def analyze(self):
        """Fresh statistics after a large change, so the planner picks index or scan wisely for each word."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

    @staticmethod
    def tsquery_parts(plan, *, phrases=True, prefix=True, language="en"):
        """SQL fragments and parameters that OR together into one tsquery."""
        config = CONFIGURATIONS[language]
        parts, params = [], []
        for index, word in enumerate(plan.words):
            if prefix and plan.prefix_last and index == len(plan.words) - 1:
                parts.append(f"to_tsquery('{config}', unaccent(%s))")
                params.append(word + ":*")
            else:
                parts.append(f"plainto_tsquery('{config}', unaccent(%s))")
                params.append(word)
        for phrase in plan.phrases if phrases else []:
            parts.append(f"phraseto_tsquery('{config}', unaccent(%s))")
            params.append(" ".join(phrase))
        return parts, params

    def search(self, plan, today, limit, offset, language="en"):
        """Rank a bounded set: the head matches (title, other names, summary) and the first body matches found.

        A word such as "pain" is in nearly every page; ranking thousands of long vectors costs more than
        the reader gains. A phrase from a synonym, or an unfinished last word, is looked for in the head.
        One scan finds the first MAX_COUNTED body matches: the first of them are candidates, and
        their number is the count.
        """
        parts, params = self.tsquery_parts(plan, language=language)
        # The body is searched for whole words only: phrases and prefixes make PostgreSQL read every row.
        whole_words = self.tsquery_parts(plan, phrases=False, prefix=False, language=language)
        word_parts, word_params = whole_words if plan.words else (parts, params)
        if not parts:
            return [], 0
        query, words_query = " || ".join(parts), " || ".join(word_parts)
        # A subquery, so that the tsquery is made once: unaccent() is only stable, and a scan would call
        # it again for every row it reads (10 ms at 1,000 rows). Not knowing the words in advance, the
        # planner also takes the GIN index, which answers without reading (and unpacking) any vector.
        body_sql = (
            f"SELECT d.id FROM search_searchdocument d WHERE d.search_vector @@ (SELECT {words_query}) "  # noqa: S608
            "AND d.visible_from <= %s AND d.language = %s LIMIT %s"
        )
        # The candidates as an array, so that PostgreSQL fetches them by primary key instead of scanning for them.
        rank_sql = (
            f"WITH q AS (SELECT {query} AS q), "  # noqa: S608 (fragments are constants)
            "head AS (SELECT d.id FROM search_searchdocument d, q WHERE d.head_vector @@ q.q AND d.visible_from <= %s "
            "AND d.language = %s LIMIT %s) "
            f"SELECT d.id, ts_rank(d.search_vector, q.q, 1) * {ranking.KIND_WEIGHT_SQL} AS score "
            "FROM search_searchdocument d, q WHERE d.id = ANY(ARRAY(SELECT id FROM head) || %s::bigint[]) "
            "ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(body_sql, [*word_params, today, language, ranking.MAX_COUNTED])
            body = [row[0] for row in cursor.fetchall()]
            cursor.execute(rank_sql, [*params, today, language, ranking.CANDIDATES, body[: ranking.CANDIDATES], limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
        return ids, max(len(body), len(ids) + offset)

    def has_hits(self, word, today, language):
        """Whether any visible page in the language contains the word (stops at the first)."""
        config = CONFIGURATIONS[language]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM search_searchdocument WHERE search_vector @@ plainto_tsquery('{config}', unaccent(%s)) "  # noqa: S608
                "AND visible_from <= %s AND language = %s LIMIT 1",
                [word, today, language],
            )
            return cursor.fetchone() is not None
