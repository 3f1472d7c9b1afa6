#!/usr/bin/env bash
# MIDI Software Center: install for one user, without root (from the unpacked .tar.gz), or uninstall.
#
#   ./install.sh [--prefix DIR] [--clap-dir DIR] [--lv2-dir DIR]     install, or upgrade an earlier install
#   ./install.sh --uninstall [--prefix DIR] [--purge-data]            remove everything the install put down
#   <prefix>/lib/midicenter/lib/install.sh --uninstall                 the same, once the .tar.gz is gone
#
# Installs (prefix default ~/.local):
#   <prefix>/lib/midicenter/                  the app image: bundled Java runtime, jars, plugin jars, launcher
#   <prefix>/bin/midicenter                   the command (a symlink); put <prefix>/bin on PATH
#   <prefix>/share/applications/midicenter.desktop, <prefix>/share/icons/hicolor/{scalable,256x256}/apps/midicenter.*
#   ~/.clap/midicenter.clap + ~/.clap/midicenter-java -> <app>/lib/plugin                  (CLAP)
#   ~/.lv2/midicenter.lv2/ (midicenter.so, *.ttl; java -> <app>/lib/plugin, runtime -> <app>/lib/runtime)  (LV2)
# Every file, link and folder it creates is listed in <prefix>/lib/midicenter/install-manifest.txt; --uninstall removes
# exactly those (folders only when empty), and the PostgreSQL programs the app unpacked into
# ${XDG_CACHE_HOME:-~/.cache}/midicenter/postgresql. The library (${MIDICENTER_HOME:-${XDG_DATA_HOME:-~/.local/share}/midicenter})
# is kept unless --purge-data is given. Libraries elsewhere (--home DIR) are never touched.
set -Eeuo pipefail
export LC_ALL=C

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "install.sh: $*" >&2; }

usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

action=install prefix="" purge=false clap_dir="" lv2_dir=""
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --clap-dir) clap_dir="${2:?--clap-dir needs a folder}"; shift 2 ;;
    --lv2-dir) lv2_dir="${2:?--lv2-dir needs a folder}"; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    --purge-data) purge=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ -n "${HOME:-}" ]] || die "HOME is not set"
$purge && [[ $action != uninstall ]] && die "--purge-data goes with --uninstall"

# Run from an installed app image (<prefix>/lib/midicenter/lib/install.sh): that install is the default target.
if [[ -z "$prefix" && -f "$here/../install-manifest.txt" ]]; then
  prefix="$(cd "$here/../../.." && pwd)"
fi
prefix="$(realpath -m -- "${prefix:-$HOME/.local}")"
app="$prefix/lib/midicenter"
manifest="$app/install-manifest.txt"

data_home="${MIDICENTER_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/midicenter}"
cache_home="${XDG_CACHE_HOME:-$HOME/.cache}/midicenter"

# ---- uninstall -------------------------------------------------------------------------------------------------
# manifest lines: "f PATH" a file or symlink we created; "d PATH" a folder we created (in creation order)
uninstall_from() {
  local list="$1" kind path
  local -a dirs=()
  while IFS=' ' read -r kind path; do
    case "$kind" in
      f) rm -f -- "$path" ;;
      d) dirs+=("$path") ;;
    esac
  done < "$list"
  rm -f -- "$list"
  local i
  for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
    [[ -d "${dirs[i]}" ]] || continue
    rmdir -- "${dirs[i]}" 2>/dev/null || say "kept ${dirs[i]}: it holds files this install did not put there"
  done
}

server_running() {  # the embedded PostgreSQL of the library still running?
  local pidfile="$data_home/db/postmaster.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(head -n1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

if [[ $action == uninstall ]]; then
  [[ -f "$manifest" ]] || die "nothing installed under $prefix (no $manifest)"
  if $purge && server_running; then
    die "the library's database server is running (a midicenter or a DAW plugin uses it): close them, then run again"
  fi
  uninstall_from "$manifest"
  # the PostgreSQL programs the app unpacked on first start (not user data; unpacked again when needed)
  rm -rf -- "$cache_home/postgresql"
  rmdir -- "$cache_home" 2>/dev/null || true
  if $purge; then
    rm -rf -- "$data_home"
    say "removed MIDI Software Center from $prefix and the library in $data_home"
  elif [[ -d "$data_home" ]]; then
    say "removed MIDI Software Center from $prefix; the library in $data_home is kept (--purge-data removes it)"
  else
    say "removed MIDI Software Center from $prefix"
  fi
  exit 0
fi

# ---- install ---------------------------------------------------------------------------------------------------
src="$here/midicenter"
[[ -x "$src/bin/midicenter" && -d "$src/lib/runtime" && -d "$src/lib/plugins" ]] \
  || die "no app image beside this script ($src); run the install.sh of the unpacked midicenter-*.tar.gz"
clap_dir="$(realpath -m -- "${clap_dir:-$HOME/.clap}")"
lv2_dir="$(realpath -m -- "${lv2_dir:-$HOME/.lv2}")"

if [[ -f "$manifest" ]]; then
  say "upgrading the install in $prefix (the library is kept)"
  uninstall_from "$manifest"
fi

targets=("$app" "$prefix/bin/midicenter" "$prefix/share/applications/midicenter.desktop"
         "$prefix/share/icons/hicolor/scalable/apps/midicenter.svg" "$prefix/share/icons/hicolor/256x256/apps/midicenter.png"
         "$clap_dir/midicenter.clap" "$clap_dir/midicenter-java" "$lv2_dir/midicenter.lv2")
for t in "${targets[@]}"; do
  if [[ -e "$t" || -L "$t" ]]; then
    die "$t exists and was not installed by this script: move it away (or uninstall that copy) first"
  fi
done

list="$(mktemp "${TMPDIR:-/tmp}/midicenter-manifest.XXXXXX")"
rollback() { say "install failed; removing what was installed"; uninstall_from "$list"; }
trap rollback ERR
trap 'rm -f -- "$list"' EXIT

# mkdir -p that lists the folders it creates
make_dir() {
  local dir="$1" missing=()
  while [[ ! -d "$dir" ]]; do missing=("$dir" "${missing[@]}"); dir="$(dirname "$dir")"; done
  local d
  for d in "${missing[@]}"; do mkdir -- "$d" && echo "d $d" >> "$list"; done
}
put_file() {  # put_file SRC DEST [MODE]
  make_dir "$(dirname "$2")"
  cp -- "$1" "$2" && echo "f $2" >> "$list"
  chmod "${3:-644}" "$2"
}
put_link() {  # put_link TARGET LINK
  make_dir "$(dirname "$2")"
  ln -s -- "$1" "$2" && echo "f $2" >> "$list"
}

# the app image, file by file (symlinks inside it stay relative)
make_dir "$prefix/lib"
cp -a -- "$src" "$app"
(cd "$app" && find . -mindepth 0 -type d | sort) | while read -r d; do echo "d $app/${d#./}"; done \
  | sed "s#/\.\$##" >> "$list"
(cd "$app" && find . \( -type f -o -type l \) | sort) | while read -r f; do echo "f $app/${f#./}"; done >> "$list"

put_link "$app/lib/midicenter.sh" "$prefix/bin/midicenter"
put_file "$src/lib/midicenter.svg" "$prefix/share/icons/hicolor/scalable/apps/midicenter.svg"
put_file "$src/lib/midicenter.png" "$prefix/share/icons/hicolor/256x256/apps/midicenter.png"
desktop="$(mktemp "${TMPDIR:-/tmp}/midicenter-desktop.XXXXXX")"
sed -e "s#@EXEC@#\"$app/bin/midicenter\"#" -e "s#@ICON@#$prefix/share/icons/hicolor/scalable/apps/midicenter.svg#" \
  "$src/lib/midicenter.desktop.in" > "$desktop"
put_file "$desktop" "$prefix/share/applications/midicenter.desktop"
rm -f -- "$desktop"

# plugins: the binaries copied (hosts scan real files), the jars and the runtime shared with the app by symlink
put_file "$src/lib/plugins/midicenter.clap" "$clap_dir/midicenter.clap" 755
put_link "$app/lib/plugin" "$clap_dir/midicenter-java"
for f in midicenter.so manifest.ttl midicenter.ttl; do
  mode=644; [[ $f == *.so ]] && mode=755
  put_file "$src/lib/plugins/midicenter.lv2/$f" "$lv2_dir/midicenter.lv2/$f" "$mode"
done
put_link "$app/lib/plugin" "$lv2_dir/midicenter.lv2/java"
put_link "$app/lib/runtime" "$lv2_dir/midicenter.lv2/runtime"

echo "f $manifest" >> "$list"
{ echo "# MIDI Software Center install manifest (prefix=$prefix); read by install.sh --uninstall"; cat "$list"; } > "$manifest"
trap - ERR

say "installed MIDI Software Center in $app"
say "  command:  $prefix/bin/midicenter$(case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "  ($prefix/bin is not on PATH: add it)";; esac)"
say "  plugins:  $clap_dir/midicenter.clap (CLAP), $lv2_dir/midicenter.lv2 (LV2)"
say "  library:  $data_home (created on first start; kept by --uninstall unless --purge-data)"
say "  remove:   $app/lib/install.sh --uninstall [--purge-data]"
