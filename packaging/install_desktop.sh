#!/bin/sh
# Install actgui's desktop integration for the current user (or --uninstall it): the menu
# entry, the icons, the "actgui session" file type (*.actgui.json opens in actgui) and the
# AppStream metadata, into ${XDG_DATA_HOME:-~/.local/share}:
#   applications/actgui.desktop                 icons/hicolor/<size>/apps/actgui.png|svg
#   mime/packages/actgui.xml                    metainfo/org.actgui.actgui.metainfo.xml
#
# Run it from the unpacked bundle (actgui/install-desktop.sh: the menu entry then starts that
# bundle's executable) or from the source tree (packaging/install_desktop.sh: it starts
# dist/actgui/actgui when that was built, else `actgui` from PATH, as after `pip install .`).
#
#   install-desktop.sh [--exec PATH] [--prefix DIR]
#   install-desktop.sh --uninstall [--prefix DIR]
#
# Moving the bundle later? Run it again from the new place.
set -eu

usage() {
    sed -n '2,15s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

prefix=${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}
exe=
uninstall=no
while [ $# -gt 0 ]; do
    case $1 in
        --exec) [ $# -ge 2 ] || usage 2; exe=$2; shift 2 ;;
        --prefix) [ $# -ge 2 ] || usage 2; prefix=$2; shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) usage 0 ;;
        *) echo "install-desktop: unknown option $1" >&2; usage 2 ;;
    esac
done

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
if [ -f "$here/share/applications/actgui.desktop" ]; then  # inside the bundle
    desktop=$here/share/applications/actgui.desktop
    mime=$here/share/mime/packages/actgui.xml
    metainfo=$here/share/metainfo/org.actgui.actgui.metainfo.xml
    icons=$here/share/icons/hicolor
    default_exe=$here/actgui
elif [ -f "$here/../resources/actgui.desktop" ]; then  # the source tree
    res=$(cd -- "$here/../resources" && pwd)
    desktop=$res/actgui.desktop
    mime=$res/actgui-mime.xml
    metainfo=$res/org.actgui.actgui.metainfo.xml
    icons=$res/icons/hicolor
    default_exe=
    if [ -x "$here/../dist/actgui/actgui" ]; then
        default_exe=$(cd -- "$here/../dist/actgui" && pwd)/actgui
    fi
else
    echo "install-desktop: cannot find actgui.desktop next to $0" >&2
    exit 1
fi
[ -n "$exe" ] || exe=$default_exe

installed_icons() {  # the icon files, relative to hicolor/
    (cd -- "$icons" && find . -name 'actgui.png' -o -name 'actgui.svg') | sed 's|^\./||'
}

refresh() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$prefix/mime/packages" ]; then
        update-mime-database "$prefix/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$prefix/applications" ]; then
        update-desktop-database -q "$prefix/applications" || true
    fi
    if [ -d "$prefix/icons/hicolor" ]; then
        touch "$prefix/icons/hicolor"  # icon themes notice the change
        if [ -f "$prefix/icons/hicolor/icon-theme.cache" ] \
                && command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f "$prefix/icons/hicolor" || true
        fi
    fi
}

if [ "$uninstall" = yes ]; then
    rm -f "$prefix/applications/actgui.desktop" "$prefix/mime/packages/actgui.xml" \
        "$prefix/metainfo/org.actgui.actgui.metainfo.xml"
    installed_icons | while IFS= read -r icon; do rm -f "$prefix/icons/hicolor/$icon"; done
    refresh
    echo "install-desktop: removed actgui's menu entry, icons, file type and metadata from $prefix"
    exit 0
fi

if [ -n "$exe" ]; then
    case $exe in
        /*) ;;
        *) echo "install-desktop: --exec needs an absolute path, got $exe" >&2; exit 2 ;;
    esac
    case $exe in  # characters the Exec key would need escaped twice over; keep it simple
        *'"'*|*'`'*|*'$'*|*'\'*|*'%'*)
            echo "install-desktop: move actgui to a folder whose path has no \" \` \$ \\ or %" >&2
            exit 2 ;;
    esac
    [ -x "$exe" ] || echo "install-desktop: warning: $exe is not an executable file (yet)" >&2
fi

mkdir -p "$prefix/applications" "$prefix/mime/packages" "$prefix/metainfo"
# The menu entry: Exec and TryExec name the executable (quoted, as the spec allows).
tmp="$prefix/applications/.actgui.desktop.$$"
while IFS= read -r line || [ -n "$line" ]; do
    if [ -n "$exe" ]; then
        case $line in
            Exec=actgui*) line="Exec=\"$exe\"${line#Exec=actgui}" ;;
            TryExec=*) line="TryExec=$exe" ;;
        esac
    fi
    printf '%s\n' "$line"
done < "$desktop" > "$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$prefix/applications/actgui.desktop"
cp -f "$mime" "$prefix/mime/packages/actgui.xml"
cp -f "$metainfo" "$prefix/metainfo/org.actgui.actgui.metainfo.xml"
installed_icons | while IFS= read -r icon; do
    mkdir -p "$prefix/icons/hicolor/$(dirname -- "$icon")"
    cp -f "$icons/$icon" "$prefix/icons/hicolor/$icon"
done
refresh
echo "install-desktop: installed actgui's menu entry, icons, file type and metadata in $prefix"
echo "install-desktop: the menu entry starts ${exe:-actgui (from PATH)}"
