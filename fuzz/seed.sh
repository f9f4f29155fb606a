#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET/) from the bundled example, the real data
# sets beside the repository (../shared/data/real) and small files written here for the
# formats no data set has. Run from the repository's root: bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
real=../shared/data/real
corpus=fuzz/corpus
mkdir -p "$corpus"/{read_folder,read_json,read_csv,read_txt,read_net,read_dl,read_gml,read_graphml,read_gexf,write_names}

ex=data/forest-city
{ cat "$ex/coalition.toml"; printf '\xff'; cat "$ex/organizations.csv"; printf '\xff'; cat "$ex/partnerships.csv"; } \
  > "$corpus/read_folder/forest-city"
cargo run -q --release -- validate "$ex" --json "$corpus/read_json/forest-city.json" > /dev/null
head -c 4096 "$ex/partnerships.csv" > "$corpus/read_csv/forest-city-partnerships"
cut -d, -f2 "$ex/organizations.csv" | head -40 > "$corpus/write_names/forest-city-names"

if [ -d "$real" ]; then
  find "$real" -name '*.txt' -exec cp {} "$corpus/read_txt/" \;
  find "$real" \( -name '*.net' -o -name '*.paj' \) -exec cp {} "$corpus/read_net/" \;
  find "$real" \( -iname '*.dat' -o -iname '*.dl' \) -exec cp {} "$corpus/read_dl/" \;
  find "$real" -name '*.gml' -exec cp {} "$corpus/read_gml/" \;
  find "$real" -name '*.csv' -size -200k -exec cp {} "$corpus/read_csv/" \;
fi

cat > "$corpus/read_graphml/small.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="sector" attr.type="string"><default>other</default></key>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="a"><data key="d0">bank</data></node>
    <node id="b"/>
    <edge source="a" target="b" directed="true"><data key="d1">2.5</data></edge>
  </graph>
</graphml>
XML
cat > "$corpus/read_gexf/small.gexf" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="agency" type="string"/></attributes>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue for="0" value="county"/></attvalues><viz:color r="10" g="20" b="30"/></node>
      <node id="b" label="B"/>
    </nodes>
    <edges><edge id="0" source="a" target="b" weight="2" type="directed"/></edges>
  </graph>
</gexf>
XML
echo "seeded: $(find "$corpus" -type f | wc -l) files"
