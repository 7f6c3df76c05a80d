"""Path files for the wrk runs of scripts/bench.sh, shuffled with a fixed
seed so runs compare.

  paths.py stories BASE PAGES API   every published story (from the
                                    sitemap): its page, and its API URL
  paths.py searches OUT N           N different searches of one to three
                                    words from the corpus vocabulary, a
                                    third of them with a filter
"""
import random
import re
import sys
import urllib.parse
import urllib.request


def get(url):
    with urllib.request.urlopen(url) as r:
        return r.read().decode()


def stories(base, pages_out, api_out):
    index = get(base + "/sitemap.xml")
    slugs = []
    for loc in re.findall(r"<loc>([^<]+/sitemap/verhalen-\d+\.xml)</loc>", index):
        path = urllib.parse.urlsplit(loc).path
        slugs += re.findall(r"<loc>[^<]*/verhalen/([^<]+)</loc>", get(base + path))
    random.Random(20261126).shuffle(slugs)
    with open(pages_out, "w") as f:
        f.writelines(f"/verhalen/{s}\n" for s in slugs)
    with open(api_out, "w") as f:
        f.writelines(f"/api/v1/stories/{s}\n" for s in slugs)
    print(f"{len(slugs)} stories")


# What generated stories are made of (crates/app/src/generate.rs) and words
# people search a learning network for.
VOCABULARY = """
werving wervingscampagne werkdruk intervisie roosters zelfroosteren team
collega collega's jongeren schulden campagne zorg wijk gemeente app robot
nachtdienst cursus leidinggevenden dossier opleiding mbo verloop verzuim
cliënten vrijwilligers budget planning samenwerking zij-instromers buddy
open dag bibliotheek spreekuur ondernemingsraad vertrouwen administratie
locatie thuiszorg ziekenhuis kinderopvang zorggroep welzijnsorganisatie
wijkteam verpleeghuis afdeling sociale media diensten ruilen buddyprogramma
terugkomdag oud-medewerkers aanspreekpunt leerwerktraject inloopspreekuur
schoonmaakrobot digitaal medewerkers sollicitaties reacties maanden
locaties werkgroep teamdag aanleiding eigenaar regels kleine successen
enthousiast werkvloer inwerken begeleiden innovatie technologie
leiderschap vakmanschap binden boeien lerend werken pilot experiment
""".split()
FILTERS = ["theme=werkdruk", "theme=werven", "sector=ouderenzorg", "sector=jeugdzorg",
           "region=utrecht", "region=limburg", "kind=koploper", "kind=falend-vooruit"]


def searches(out, n):
    rng = random.Random(20261126)
    seen = set()
    lines = []
    while len(lines) < n:
        words = rng.sample(VOCABULARY, rng.randint(1, 3))
        q = " ".join(words)
        path = "/zoeken?q=" + urllib.parse.quote_plus(q)
        if len(lines) % 3 == 0:
            path += "&" + rng.choice(FILTERS)
        if path in seen:
            continue
        seen.add(path)
        lines.append(path)
    with open(out, "w") as f:
        f.writelines(p + "\n" for p in lines)
    print(f"{len(lines)} different searches")


if __name__ == "__main__":
    if sys.argv[1] == "stories":
        stories(*sys.argv[2:5])
    else:
        searches(sys.argv[2], int(sys.argv[3]))
