#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET/) from the bundled example, the real data
# sets beside the repository (../shared/data/real) and small files written here for the
# formats no data set has. Run from the repository's root: bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
real=../shared/data/real
corpus=fuzz/corpus
mkdir -p "$corpus"/{read_folder,read_json,read_csv,read_txt,read_net,read_dl,read_gml,read_graphml,read_gexf,write_names}
mkdir -p "$corpus"/{read_xlsx,read_ods,read_kumu_json,read_kumu_xlsx,read_gephi,read_import,read_hsds}
# PARTNERMAP=path/to/partnermap uses that binary rather than building a release one.
partnermap() { if [ -n "${PARTNERMAP:-}" ]; then "$PARTNERMAP" -q "$@"; else cargo run -q --release -- -q "$@"; fi > /dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ex=data/forest-city
{ cat "$ex/coalition.toml"; printf '\xff'; cat "$ex/organizations.csv"; printf '\xff'; cat "$ex/partnerships.csv"; } \
  > "$corpus/read_folder/forest-city"
partnermap validate "$ex" --json "$corpus/read_json/forest-city.json"

# The other tools' formats and the workbooks, as partnermap writes them from the example.
rm -f "$corpus/read_xlsx/template.xlsx"  # init writes no file over another
partnermap init "$corpus/read_xlsx/template.xlsx"
partnermap convert "$ex" "$corpus/read_xlsx/forest-city.xlsx"
partnermap convert "$ex" "$corpus/read_kumu_json/forest-city.kumu.json"
partnermap convert "$ex" "$corpus/read_kumu_xlsx/forest-city.kumu.xlsx"
partnermap convert "$ex" "$work/gephi" --to gephi-csv
{ cat "$work/gephi/nodes.csv"; printf '\xff'; cat "$work/gephi/edges.csv"; } > "$corpus/read_gephi/forest-city"
# An ODS document: LibreOffice's copy of the worksheet when it is installed, and a small one
# written here (mimetype first and stored, as the format requires).
if command -v soffice > /dev/null; then
  soffice --headless --convert-to ods --outdir "$work" "$corpus/read_xlsx/forest-city.xlsx" > /dev/null 2>&1 \
    && cp "$work/forest-city.ods" "$corpus/read_ods/"
fi
python3 - "$corpus/read_ods/kumu.ods" <<'PY'
import sys, zipfile
cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
rows = lambda *rows: ''.join('<table:table-row>' + ''.join(cell.format(c) for c in r) + '</table:table-row>' for r in rows)
tables = [('Elements', rows(['Label', 'Type'], ['Alpha', 'school'], ['Beta', 'business'])),
          ('Connections', rows(['From', 'To', 'Strength'], ['Alpha', 'Beta', '2']))]
body = ''.join('<table:table table:name="{}">{}</table:table>'.format(n, r) for n, r in tables)
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
    z.writestr('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    z.writestr('content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>' + body + '</office:spreadsheet></office:body></office:document-content>', zipfile.ZIP_DEFLATED)
PY
head -c 4096 "$ex/partnerships.csv" > "$corpus/read_csv/forest-city-partnerships"
cut -d, -f2 "$ex/organizations.csv" | head -40 > "$corpus/write_names/forest-city-names"

if [ -d "$real" ]; then
  find "$real" -name '*.txt' -exec cp {} "$corpus/read_txt/" \;
  find "$real" \( -name '*.net' -o -name '*.paj' \) -exec cp {} "$corpus/read_net/" \;
  find "$real" \( -iname '*.dat' -o -iname '*.dl' \) -exec cp {} "$corpus/read_dl/" \;
  find "$real" -name '*.gml' -exec cp {} "$corpus/read_gml/" \;
  find "$real" -name '*.csv' -size -200k -exec cp {} "$corpus/read_csv/" \;
  { cat data/oc-map-my-cbo/mapping.toml; printf '\xff'; head -40 "$real/oc-map-my-cbo/map_my_cbo_table.csv"; } \
    > "$corpus/read_import/oc-map-my-cbo"
fi
{ printf '[columns]\nname = "Name"\npopulations = "Serves"\ncity = "City"\n[split]\nseparator = ";"\n'
  printf '[defaults]\ntype = "other"\n[terms]\n"Kids" = "young-people"\n\xff'
  printf 'Name,Serves,City\nHarbor Food Bank,Kids;youth,Forest City\nNorth Clinic,low income,Elm\n'; } \
  > "$corpus/read_import/small"
# An Open Referral HSDS package: the mapping, then its tables in the order fuzz.rs lists them.
{ printf '[defaults]\ntype = "community-based nonprofit"\n[terms]\n"Food" = "housing-stability"\n\xff'
  printf 'id,name,email,website\no1,Harbor Food Bank,info@harbor.org,https://harbor.org\no2,North Clinic,,\n\xff'
  printf 'id,organization_id,name\ns1,o1,Pantry\n\xff'
  printf 'id,organization_id,name\nl1,o1,Main\n\xff'
  printf 'id,location_id,city\na1,l1,Forest City\n\xff'
  printf 'id,service_id,location_id\nsl1,s1,l1\n\xff'
  printf 'id,link_id,taxonomy_term_id,link_type,link_entity\nat1,s1,t1,,service\n\xff'
  printf 'id,code,name\nt1,F,Food\n'; } > "$corpus/read_hsds/small"

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
