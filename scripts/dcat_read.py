"""Reads a DCAT-AP catalogue (JSON-LD on stdin) as a harvester does, with
rdflib, and prints what it found as JSON: datasets, their titles, licences
and download URLs. Used by the open-data test (it/open_data.rs)."""
import json
import sys

import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

graph = rdflib.Graph()
graph.parse(data=sys.stdin.read(), format="json-ld")
out = {
    "catalogues": [str(s) for s in graph.subjects(RDF.type, DCAT.Catalog)],
    "datasets": [],
}
for dataset in graph.subjects(RDF.type, DCAT.Dataset):
    out["datasets"].append({
        "id": str(dataset),
        "title": str(graph.value(dataset, DCTERMS.title)),
        "license": str(graph.value(dataset, DCTERMS.license)),
        "modified": str(graph.value(dataset, DCTERMS.modified)),
        "downloads": sorted(
            str(graph.value(d, DCAT.downloadURL))
            for d in graph.objects(dataset, DCAT.distribution)
        ),
        "media_types": sorted(
            str(graph.value(d, DCAT.mediaType))
            for d in graph.objects(dataset, DCAT.distribution)
        ),
    })
print(json.dumps(out))
