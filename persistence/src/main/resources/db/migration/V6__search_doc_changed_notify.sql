-- Search (issue 5): processes that keep an in-memory search index LISTEN on 'midicenter_search_doc' and rebuild it
-- when search rows or tags change. NOTIFY is delivered at commit (and once per transaction however many statements
-- send it), so a listener never rebuilds from a snapshot that misses the change it was told about.

CREATE FUNCTION midicenter_search_doc_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('midicenter_search_doc', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER search_doc_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_doc
    FOR EACH STATEMENT EXECUTE FUNCTION midicenter_search_doc_changed();

CREATE TRIGGER tag_changed AFTER UPDATE OR DELETE OR TRUNCATE ON tag
    FOR EACH STATEMENT EXECUTE FUNCTION midicenter_search_doc_changed();
