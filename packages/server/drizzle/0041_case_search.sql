-- Full-text search over cases in Chinese (docs/SEARCH.md). No extension: PGlite has none of the Chinese
-- parsers, so a case's text is cut into overlapping pairs of Chinese characters (路灯不亮 → 路灯 灯不 不亮),
-- which the built-in 'simple' configuration indexes as words; Latin letters and digits stay words of their own.
-- The query is cut the same way (packages/domain cases/search.ts), so both sides always agree.
CREATE OR REPLACE FUNCTION gz_search_terms(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce((SELECT string_agg(substr(s, i, 2), ' ' ORDER BY i)
                     FROM generate_series(1, char_length(s) - 1) AS i
                    WHERE substr(s, i, 2) ~ '^[㐀-䶿一-鿿]{2}$'), '')
      || ' ' || coalesce((SELECT string_agg(m[1], ' ') FROM regexp_matches(s, '(?:^|[^㐀-䶿一-鿿])([㐀-䶿一-鿿])(?=$|[^㐀-䶿一-鿿])', 'g') AS m), '')
      || ' ' || lower(regexp_replace(coalesce(s, ''), '[㐀-䶿一-鿿]', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', gz_search_terms(title)), 'A')
  || setweight(to_tsvector('simple', gz_search_terms(description)), 'B')
  || setweight(to_tsvector('simple', gz_search_terms(coalesce(address, '') || ' ' || coalesce(answer, ''))), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX cases_search_idx ON cases USING gin (search);
