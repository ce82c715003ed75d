"""The Xapian side of the search peer benchmark (bench/search.bench.ts): Xapian 1.4 as Alaveteli uses it,
through Debian's python3-xapian, with CJK n-grams (TermGenerator and QueryParser with FLAG_CJK_NGRAM).

Driven by the Node benchmark over stdin/stdout, one JSON object a line each way:
  {"op": "open", "path": P}            -> {"count": documents in the database at P (created if missing)}
  {"op": "add", "docs": [doc, ...]}    -> {"ok": true}   (doc: id, title, body, org, category, topic,
                                                          genre, validity, year, published)
  {"op": "commit"}                     -> {"ok": true}
  {"op": "search", "q": Q, "filters": {"orgId": n, "year": n}, "checkAtLeast": n}
      -> {"ms": time of the whole page inside Python, "coreMs": top 20 alone, "total": estimated matches,
          "ids": [top 20 document ids], "facets": number of facet values counted}
The page is what Gongkai's search page computes: top 20 by BM25, the estimated total, 6 facet counts
(ValueCountMatchSpy over at least `checkAtLeast` matches) and a highlighted snippet of title and body.
Bench-only: never needed by the tests or the application.
"""
import json
import sys
import time

import xapian

SLOTS = ["org", "category", "topic", "genre", "validity", "year"]
DATE_SLOT = len(SLOTS)
STEM = xapian.Stem("none")

db = None
writer = None
termgen = None
parser = None


def reply(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def open_db(path):
    global db, writer, termgen, parser
    writer = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OPEN)
    termgen = xapian.TermGenerator()
    termgen.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    db = xapian.Database(path)
    parser = xapian.QueryParser()
    parser.set_database(db)
    parser.set_default_op(xapian.Query.OP_AND)
    return writer.get_doccount()


def add(docs):
    for d in docs:
        doc = xapian.Document()
        termgen.set_document(doc)
        # The title weighs 10 : 1 against the body, as Gongkai's bm25 weights do.
        termgen.index_text(d["title"], 10)
        termgen.increase_termpos()
        termgen.index_text(d["body"])
        doc.add_boolean_term("Q%d" % d["id"])
        doc.add_boolean_term("XO%s" % d["org"])
        doc.add_boolean_term("XY%s" % d["year"])
        for i, k in enumerate(SLOTS):
            doc.add_value(i, str(d[k]))
        doc.add_value(DATE_SLOT, d["published"])
        doc.set_data(json.dumps({"id": d["id"], "title": d["title"], "body": d["body"]}, ensure_ascii=False))
        writer.replace_document("Q%d" % d["id"], doc)


def search(q, filters, check_at_least):
    t0 = time.perf_counter()
    flags = (
        xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM | xapian.QueryParser.FLAG_PHRASE
    )
    query = parser.parse_query(q, flags)
    bools = []
    if filters.get("orgId") is not None:
        bools.append(xapian.Query("XO%s" % filters["orgId"]))
    if filters.get("year") is not None:
        bools.append(xapian.Query("XY%s" % filters["year"]))
    if bools:
        query = xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(xapian.Query.OP_AND, bools))
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    spies = [xapian.ValueCountMatchSpy(i) for i in range(len(SLOTS))]
    for s in spies:
        enquire.add_matchspy(s)
    mset = enquire.get_mset(0, 20, check_at_least)
    ids = []
    snip = xapian.MSet.SNIPPET_BACKGROUND_MODEL | xapian.MSet.SNIPPET_CJK_NGRAM
    for m in mset:
        data = json.loads(m.document.get_data())
        ids.append(data["id"])
        mset.snippet(data["title"], 200, STEM, snip | xapian.MSet.SNIPPET_EXHAUSTIVE, "<b>", "</b>", "…")
        mset.snippet(data["body"], 120, STEM, snip, "<b>", "</b>", "…")
    facets = 0
    for s in spies:
        # The 30 most frequent values of each facet, as Gongkai shows.
        facets += sum(1 for _ in s.top_values(30))
    ms = (time.perf_counter() - t0) * 1000
    # The top 20 alone (no match spies, no snippets), for the core comparison.
    t1 = time.perf_counter()
    core = xapian.Enquire(db)
    core.set_query(query)
    core_mset = core.get_mset(0, 20)
    core_ids = [m.docid for m in core_mset]
    core_ms = (time.perf_counter() - t1) * 1000
    return {
        "ms": ms,
        "coreMs": core_ms,
        "total": mset.get_matches_estimated(),
        "ids": ids,
        "facets": facets,
        "coreHits": len(core_ids),
    }


def main():
    for line in sys.stdin:
        msg = json.loads(line)
        op = msg["op"]
        if op == "open":
            reply({"count": open_db(msg["path"])})
        elif op == "add":
            add(msg["docs"])
            reply({"ok": True})
        elif op == "commit":
            writer.commit()
            db.reopen()
            reply({"ok": True, "count": writer.get_doccount()})
        elif op == "search":
            reply(search(msg["q"], msg.get("filters") or {}, int(msg.get("checkAtLeast") or 0)))
        else:
            reply({"error": "unknown op %s" % op})


if __name__ == "__main__":
    main()
