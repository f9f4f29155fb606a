#!/bin/sh
# Wall time and peak memory of every partnermap command on one network, as a Markdown table.
#
#     python3 ../shared/bench/gen_network.py 100000 net100k --seed 1
#     cargo build --release
#     sh docs/bench/commands.sh target/release/partnermap net100k [POPULATION]
#     sh docs/bench/commands.sh before/partnermap,target/release/partnermap net100k
#
# BINARY is a partnermap binary, or several separated by commas: each command then runs once
# with each of them in turn, so that a change in the machine's load falls on all alike, and the
# table has a column for each (wall time, CPU time (user + system) and peak memory); NETWORK is a project folder such as one made by
# ../shared/bench/gen_network.py. POPULATION is the population `paths` looks for; the default,
# "People with disabilities", is one the generator gives to organizations. Each command runs once
# under GNU time (`/usr/bin/time -f '%e s %M KB'`: elapsed seconds and maximum resident set
# size); its output goes to a scratch folder that is removed at the end, and a failing command
# is shown with its exit status. Wall times on a shared machine vary, so say when and under what
# load a table was taken when it is quoted (docs/performance.md).
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: sh docs/bench/commands.sh BINARY NETWORK [POPULATION]" >&2
    exit 2
fi
bins=$1
net=$2
population=${3:-People with disabilities}
for bin in $(echo "$bins" | tr , ' '); do
    [ -x "$bin" ] || { echo "error: $bin is not an executable" >&2; exit 2; }
done
[ -d "$net" ] || { echo "error: $net is not a folder" >&2; exit 2; }

if [ ! -x /usr/bin/time ]; then
    echo "GNU time is missing; installing it with apt-get" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
    $sudo apt-get install -y time >/dev/null
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

organizations=$(($(wc -l <"$net/organizations.csv") - 1))
partnerships=$(($(wc -l <"$net/partnerships.csv") - 1))
echo "$organizations organizations, $partnerships partnerships ($net), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1 /proc/loadavg)"
echo
case $bins in
*,*)
    header="| command |"
    rule="|---|"
    for bin in $(echo "$bins" | tr , ' '); do
        header="$header $bin: wall, CPU, peak memory |"
        rule="$rule---|"
    done
    echo "$header"
    echo "$rule"
    ;;
*)
    echo "| command | wall | peak memory |"
    echo "|---|---|---|"
    ;;
esac

# run LABEL ARGS...: runs each binary with ARGS... under GNU time and prints one table row.
run() {
    label=$1
    shift
    row="| \`$label\` |"
    for bin in $(echo "$bins" | tr , ' '); do
        status=0
        /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$bin" "$@" >"$scratch/out" 2>"$scratch/err" || status=$?
        # GNU time writes "Command exited with non-zero status N" before the figures on failure.
        read -r wall user system kb <<FIGURES
$(tail -n 1 "$scratch/time")
FIGURES
        memory="$((kb / 1024)) MB"
        if [ "$status" -ne 0 ]; then
            memory="$memory (exit status $status)"
        fi
        case $bins in
        *,*) row="$row $wall s, $(awk "BEGIN { printf \"%.2f\", $user + $system }") s, $memory |" ;;
        *) row="$row $wall s | $memory |" ;;
        esac
    done
    echo "$row"
}

run "validate" validate "$net"
run "gaps --format json" gaps "$net" --format json
run "brokers" brokers "$net"
run "paths --population \"$population\"" paths "$net" --population "$population"
run "metrics" metrics "$net"
run "map --view partnerships --top 200 -o x.dot" map "$net" --view partnerships --top 200 -o "$scratch/x.dot"
run "report --out DIR" report "$net" --out "$scratch/report"
run "invite --k 10" invite "$net" --k 10
