-- wrk script: a different two-word search (and page) on most requests, so
-- the server's result cache does not hide the cost of searching.
local words = {"werving", "werkdruk", "intervisie", "roosters", "team", "collega",
  "jongeren", "schulden", "campagne", "zorg", "wijk", "gemeente", "app", "robot",
  "nachtdienst", "cursus", "leidinggevenden", "dossier", "opleiding", "mbo",
  "verloop", "verzuim", "cliënten", "vrijwilligers", "budget", "planning",
  "samenwerking", "zij-instromers", "buddy", "open", "dag", "bibliotheek",
  "spreekuur", "ondernemingsraad", "vertrouwen", "administratie", "locatie",
  "thuiszorg", "ziekenhuis", "kinderopvang"}
math.randomseed(os.time())
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local page = math.random(1, 3)
  return wrk.format("GET", "/zoeken?q=" .. a .. "+" .. b .. "&page=" .. page)
end
