-- A query term's typos are counted in edits (fuzzystrmatch's levenshtein), among the words that
-- trigram similarity finds close to it: see the search's word expansion in the catalog service.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
