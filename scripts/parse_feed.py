"""Parses a podcast feed (stdin) with feedparser, as podcast apps built on
it do, and prints what it found as JSON: the feed's title, language and
iTunes data, and per episode its GUID, title, enclosure, duration,
episode and season numbers. Used by the podcast tests."""
import json
import sys

import feedparser

d = feedparser.parse(sys.stdin.buffer.read())
if d.bozo:
    print(f"feedparser: {d.bozo_exception}", file=sys.stderr)
    sys.exit(1)
f = d.feed
print(json.dumps({
    "title": f.get("title"),
    "language": f.get("language"),
    "author": f.get("itunes_author") or f.get("author"),
    "image": (f.get("image") or {}).get("href"),
    "categories": [t.get("term") for t in f.get("tags", [])],
    "owner": f.get("publisher_detail", {}).get("email"),
    "entries": [{
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "duration": e.get("itunes_duration"),
        "episode": e.get("itunes_episode"),
        "season": e.get("itunes_season"),
        "episode_type": e.get("itunes_episodetype"),
        "enclosures": [{"href": x.get("href"), "length": x.get("length"), "type": x.get("type")} for x in e.get("enclosures", [])],
        "transcript": e.get("podcast_transcript"),
    } for e in d.entries],
}))
