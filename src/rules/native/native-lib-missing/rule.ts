// native-lib-missing: a system library (or its pkg-config file) that the build links against is not installed.

import { defineRule } from '../../../core/rule.js';

type Managers = 'apt' | 'dnf' | 'apk' | 'pacman' | 'zypper' | 'brew' | 'nix';
type PackageRow = Record<Managers, string>;

// Development packages per library, keyed by every name the library goes by in `-l<name>` and in pkg-config.
// '' = the package manager has no such package (e.g. Linux-only libraries on Homebrew).
const ROWS: [names: string[], row: PackageRow][] = [
  [['ssl', 'crypto', 'openssl', 'libssl', 'libcrypto'], { apt: 'libssl-dev', dnf: 'openssl-devel', apk: 'openssl-dev', pacman: 'openssl', zypper: 'libopenssl-devel', brew: 'openssl@3', nix: 'openssl' }],
  [['z', 'zlib'], { apt: 'zlib1g-dev', dnf: 'zlib-devel', apk: 'zlib-dev', pacman: 'zlib', zypper: 'zlib-devel', brew: 'zlib', nix: 'zlib' }],
  [['sqlite3', 'sqlite'], { apt: 'libsqlite3-dev', dnf: 'sqlite-devel', apk: 'sqlite-dev', pacman: 'sqlite', zypper: 'sqlite3-devel', brew: 'sqlite', nix: 'sqlite' }],
  [['pq', 'libpq'], { apt: 'libpq-dev', dnf: 'libpq-devel', apk: 'libpq-dev', pacman: 'postgresql-libs', zypper: 'postgresql-devel', brew: 'libpq', nix: 'postgresql' }],
  [['mysqlclient', 'mariadb', 'libmariadb'], { apt: 'default-libmysqlclient-dev', dnf: 'mariadb-connector-c-devel', apk: 'mariadb-connector-c-dev', pacman: 'mariadb-libs', zypper: 'libmariadb-devel', brew: 'mysql-client', nix: 'libmysqlclient' }],
  [['git2', 'libgit2'], { apt: 'libgit2-dev', dnf: 'libgit2-devel', apk: 'libgit2-dev', pacman: 'libgit2', zypper: 'libgit2-devel', brew: 'libgit2', nix: 'libgit2' }],
  [['ssh2', 'libssh2'], { apt: 'libssh2-1-dev', dnf: 'libssh2-devel', apk: 'libssh2-dev', pacman: 'libssh2', zypper: 'libssh2-devel', brew: 'libssh2', nix: 'libssh2' }],
  [['curl', 'libcurl'], { apt: 'libcurl4-openssl-dev', dnf: 'libcurl-devel', apk: 'curl-dev', pacman: 'curl', zypper: 'libcurl-devel', brew: 'curl', nix: 'curl' }],
  [['dbus-1', 'dbus'], { apt: 'libdbus-1-dev', dnf: 'dbus-devel', apk: 'dbus-dev', pacman: 'dbus', zypper: 'dbus-1-devel', brew: 'dbus', nix: 'dbus' }],
  [['gtk+-3.0', 'gtk-3', 'gdk-3.0', 'gdk-3'], { apt: 'libgtk-3-dev', dnf: 'gtk3-devel', apk: 'gtk+3.0-dev', pacman: 'gtk3', zypper: 'gtk3-devel', brew: 'gtk+3', nix: 'gtk3' }],
  [['gtk4', 'gtk-4'], { apt: 'libgtk-4-dev', dnf: 'gtk4-devel', apk: 'gtk4.0-dev', pacman: 'gtk4', zypper: 'gtk4-devel', brew: 'gtk4', nix: 'gtk4' }],
  [['glib-2.0', 'gobject-2.0', 'gio-2.0', 'gmodule-2.0', 'glib'], { apt: 'libglib2.0-dev', dnf: 'glib2-devel', apk: 'glib-dev', pacman: 'glib2', zypper: 'glib2-devel', brew: 'glib', nix: 'glib' }],
  [['cairo', 'cairo-gobject'], { apt: 'libcairo2-dev', dnf: 'cairo-devel', apk: 'cairo-dev', pacman: 'cairo', zypper: 'cairo-devel', brew: 'cairo', nix: 'cairo' }],
  [['pango', 'pangocairo'], { apt: 'libpango1.0-dev', dnf: 'pango-devel', apk: 'pango-dev', pacman: 'pango', zypper: 'pango-devel', brew: 'pango', nix: 'pango' }],
  [['gdk-pixbuf-2.0'], { apt: 'libgdk-pixbuf-2.0-dev', dnf: 'gdk-pixbuf2-devel', apk: 'gdk-pixbuf-dev', pacman: 'gdk-pixbuf2', zypper: 'gdk-pixbuf-devel', brew: 'gdk-pixbuf', nix: 'gdk-pixbuf' }],
  [['atk', 'atk-1.0'], { apt: 'libatk1.0-dev', dnf: 'atk-devel', apk: 'at-spi2-core-dev', pacman: 'at-spi2-core', zypper: 'atk-devel', brew: 'atk', nix: 'at-spi2-atk' }],
  [['webkit2gtk-4.1', 'javascriptcoregtk-4.1'], { apt: 'libwebkit2gtk-4.1-dev', dnf: 'webkit2gtk4.1-devel', apk: 'webkit2gtk-4.1-dev', pacman: 'webkit2gtk-4.1', zypper: 'webkit2gtk3-devel', brew: '', nix: 'webkitgtk_4_1' }],
  [['webkit2gtk-4.0', 'javascriptcoregtk-4.0'], { apt: 'libwebkit2gtk-4.0-dev', dnf: 'webkit2gtk4.0-devel', apk: 'webkit2gtk-dev', pacman: 'webkit2gtk', zypper: 'webkit2gtk3-soup2-devel', brew: '', nix: 'webkitgtk' }],
  [['libsoup-3.0'], { apt: 'libsoup-3.0-dev', dnf: 'libsoup3-devel', apk: 'libsoup3-dev', pacman: 'libsoup3', zypper: 'libsoup-devel', brew: 'libsoup', nix: 'libsoup_3' }],
  [['ayatana-appindicator3-0.1', 'appindicator3-0.1'], { apt: 'libayatana-appindicator3-dev', dnf: 'libayatana-appindicator-gtk3-devel', apk: 'libayatana-appindicator-dev', pacman: 'libayatana-appindicator', zypper: 'libayatana-appindicator3-devel', brew: '', nix: 'libayatana-appindicator' }],
  [['alsa', 'asound'], { apt: 'libasound2-dev', dnf: 'alsa-lib-devel', apk: 'alsa-lib-dev', pacman: 'alsa-lib', zypper: 'alsa-devel', brew: '', nix: 'alsa-lib' }],
  [['libpulse', 'pulse', 'libpulse-simple', 'pulse-simple'], { apt: 'libpulse-dev', dnf: 'pulseaudio-libs-devel', apk: 'pulseaudio-dev', pacman: 'libpulse', zypper: 'libpulse-devel', brew: '', nix: 'libpulseaudio' }],
  [['jack'], { apt: 'libjack-jackd2-dev', dnf: 'pipewire-jack-audio-connection-kit-devel', apk: 'jack-dev', pacman: 'jack2', zypper: 'libjack-devel', brew: 'jack', nix: 'libjack2' }],
  [['libudev', 'udev'], { apt: 'libudev-dev', dnf: 'systemd-devel', apk: 'eudev-dev', pacman: 'systemd-libs', zypper: 'libudev-devel', brew: '', nix: 'udev' }],
  [['libsystemd', 'systemd'], { apt: 'libsystemd-dev', dnf: 'systemd-devel', apk: '', pacman: 'systemd-libs', zypper: 'systemd-devel', brew: '', nix: 'systemd' }],
  [['xcb', 'xcb-render', 'xcb-shape', 'xcb-xfixes'], { apt: 'libxcb1-dev libxcb-render0-dev libxcb-shape0-dev libxcb-xfixes0-dev', dnf: 'libxcb-devel', apk: 'libxcb-dev', pacman: 'libxcb', zypper: 'libxcb-devel', brew: 'libxcb', nix: 'xorg.libxcb' }],
  [['x11', 'X11'], { apt: 'libx11-dev', dnf: 'libX11-devel', apk: 'libx11-dev', pacman: 'libx11', zypper: 'libX11-devel', brew: 'libx11', nix: 'xorg.libX11' }],
  [['xi', 'Xi', 'xtst', 'Xtst', 'xrandr', 'Xrandr', 'xcursor', 'Xcursor'], { apt: 'libxi-dev libxtst-dev libxrandr-dev libxcursor-dev', dnf: 'libXi-devel libXtst-devel libXrandr-devel libXcursor-devel', apk: 'libxi-dev libxtst-dev libxrandr-dev libxcursor-dev', pacman: 'libxi libxtst libxrandr libxcursor', zypper: 'libXi-devel libXtst-devel libXrandr-devel libXcursor-devel', brew: '', nix: 'xorg.libXi xorg.libXtst xorg.libXrandr xorg.libXcursor' }],
  [['xkbcommon', 'xkbcommon-x11'], { apt: 'libxkbcommon-dev libxkbcommon-x11-dev', dnf: 'libxkbcommon-devel libxkbcommon-x11-devel', apk: 'libxkbcommon-dev', pacman: 'libxkbcommon libxkbcommon-x11', zypper: 'libxkbcommon-devel libxkbcommon-x11-devel', brew: '', nix: 'libxkbcommon' }],
  [['wayland-client', 'wayland-cursor', 'wayland-egl'], { apt: 'libwayland-dev', dnf: 'wayland-devel', apk: 'wayland-dev', pacman: 'wayland', zypper: 'wayland-devel', brew: '', nix: 'wayland' }],
  [['fontconfig'], { apt: 'libfontconfig1-dev', dnf: 'fontconfig-devel', apk: 'fontconfig-dev', pacman: 'fontconfig', zypper: 'fontconfig-devel', brew: 'fontconfig', nix: 'fontconfig' }],
  [['freetype2', 'freetype'], { apt: 'libfreetype6-dev', dnf: 'freetype-devel', apk: 'freetype-dev', pacman: 'freetype2', zypper: 'freetype2-devel', brew: 'freetype', nix: 'freetype' }],
  [['harfbuzz'], { apt: 'libharfbuzz-dev', dnf: 'harfbuzz-devel', apk: 'harfbuzz-dev', pacman: 'harfbuzz', zypper: 'harfbuzz-devel', brew: 'harfbuzz', nix: 'harfbuzz' }],
  [['libzstd', 'zstd'], { apt: 'libzstd-dev', dnf: 'libzstd-devel', apk: 'zstd-dev', pacman: 'zstd', zypper: 'libzstd-devel', brew: 'zstd', nix: 'zstd' }],
  [['liblzma', 'lzma'], { apt: 'liblzma-dev', dnf: 'xz-devel', apk: 'xz-dev', pacman: 'xz', zypper: 'xz-devel', brew: 'xz', nix: 'xz' }],
  [['bz2', 'bzip2'], { apt: 'libbz2-dev', dnf: 'bzip2-devel', apk: 'bzip2-dev', pacman: 'bzip2', zypper: 'libbz2-devel', brew: 'bzip2', nix: 'bzip2' }],
  [['lz4', 'liblz4'], { apt: 'liblz4-dev', dnf: 'lz4-devel', apk: 'lz4-dev', pacman: 'lz4', zypper: 'liblz4-devel', brew: 'lz4', nix: 'lz4' }],
  [['snappy'], { apt: 'libsnappy-dev', dnf: 'snappy-devel', apk: 'snappy-dev', pacman: 'snappy', zypper: 'snappy-devel', brew: 'snappy', nix: 'snappy' }],
  [['ffi', 'libffi'], { apt: 'libffi-dev', dnf: 'libffi-devel', apk: 'libffi-dev', pacman: 'libffi', zypper: 'libffi-devel', brew: 'libffi', nix: 'libffi' }],
  [['xml2', 'libxml-2.0'], { apt: 'libxml2-dev', dnf: 'libxml2-devel', apk: 'libxml2-dev', pacman: 'libxml2', zypper: 'libxml2-devel', brew: 'libxml2', nix: 'libxml2' }],
  [['xslt', 'libxslt', 'exslt', 'libexslt'], { apt: 'libxslt1-dev', dnf: 'libxslt-devel', apk: 'libxslt-dev', pacman: 'libxslt', zypper: 'libxslt-devel', brew: 'libxslt', nix: 'libxslt' }],
  [['expat'], { apt: 'libexpat1-dev', dnf: 'expat-devel', apk: 'expat-dev', pacman: 'expat', zypper: 'libexpat-devel', brew: 'expat', nix: 'expat' }],
  [['usb-1.0', 'usb', 'libusb-1.0'], { apt: 'libusb-1.0-0-dev', dnf: 'libusb1-devel', apk: 'libusb-dev', pacman: 'libusb', zypper: 'libusb-1_0-devel', brew: 'libusb', nix: 'libusb1' }],
  [['hidapi', 'hidapi-hidraw', 'hidapi-libusb'], { apt: 'libhidapi-dev', dnf: 'hidapi-devel', apk: 'hidapi-dev', pacman: 'hidapi', zypper: 'libhidapi-devel', brew: 'hidapi', nix: 'hidapi' }],
  [['sodium', 'libsodium'], { apt: 'libsodium-dev', dnf: 'libsodium-devel', apk: 'libsodium-dev', pacman: 'libsodium', zypper: 'libsodium-devel', brew: 'libsodium', nix: 'libsodium' }],
  [['zmq', 'libzmq'], { apt: 'libzmq3-dev', dnf: 'zeromq-devel', apk: 'zeromq-dev', pacman: 'zeromq', zypper: 'zeromq-devel', brew: 'zeromq', nix: 'zeromq' }],
  [['pcap', 'libpcap'], { apt: 'libpcap-dev', dnf: 'libpcap-devel', apk: 'libpcap-dev', pacman: 'libpcap', zypper: 'libpcap-devel', brew: 'libpcap', nix: 'libpcap' }],
  [['png', 'png16', 'libpng', 'libpng16'], { apt: 'libpng-dev', dnf: 'libpng-devel', apk: 'libpng-dev', pacman: 'libpng', zypper: 'libpng16-devel', brew: 'libpng', nix: 'libpng' }],
  [['jpeg', 'libjpeg', 'turbojpeg'], { apt: 'libjpeg-dev', dnf: 'libjpeg-turbo-devel', apk: 'libjpeg-turbo-dev', pacman: 'libjpeg-turbo', zypper: 'libjpeg8-devel', brew: 'jpeg-turbo', nix: 'libjpeg' }],
  [['gmp'], { apt: 'libgmp-dev', dnf: 'gmp-devel', apk: 'gmp-dev', pacman: 'gmp', zypper: 'gmp-devel', brew: 'gmp', nix: 'gmp' }],
  [['ncurses', 'ncursesw', 'tinfo', 'curses'], { apt: 'libncurses-dev', dnf: 'ncurses-devel', apk: 'ncurses-dev', pacman: 'ncurses', zypper: 'ncurses-devel', brew: 'ncurses', nix: 'ncurses' }],
  [['readline'], { apt: 'libreadline-dev', dnf: 'readline-devel', apk: 'readline-dev', pacman: 'readline', zypper: 'readline-devel', brew: 'readline', nix: 'readline' }],
  [['uuid'], { apt: 'uuid-dev', dnf: 'libuuid-devel', apk: 'util-linux-dev', pacman: 'util-linux-libs', zypper: 'libuuid-devel', brew: 'ossp-uuid', nix: 'libuuid' }],
  [['seccomp', 'libseccomp'], { apt: 'libseccomp-dev', dnf: 'libseccomp-devel', apk: 'libseccomp-dev', pacman: 'libseccomp', zypper: 'libseccomp-devel', brew: '', nix: 'libseccomp' }],
  [['cap', 'libcap'], { apt: 'libcap-dev', dnf: 'libcap-devel', apk: 'libcap-dev', pacman: 'libcap', zypper: 'libcap-devel', brew: '', nix: 'libcap' }],
  [['gstreamer-1.0', 'gstreamer-base-1.0', 'gstreamer-app-1.0', 'gstreamer-video-1.0', 'gstreamer-audio-1.0'], { apt: 'libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev', dnf: 'gstreamer1-devel gstreamer1-plugins-base-devel', apk: 'gstreamer-dev gst-plugins-base-dev', pacman: 'gstreamer gst-plugins-base-libs', zypper: 'gstreamer-devel gstreamer-plugins-base-devel', brew: 'gstreamer', nix: 'gst_all_1.gstreamer gst_all_1.gst-plugins-base' }],
  [['protobuf'], { apt: 'libprotobuf-dev protobuf-compiler', dnf: 'protobuf-devel protobuf-compiler', apk: 'protobuf-dev', pacman: 'protobuf', zypper: 'protobuf-devel', brew: 'protobuf', nix: 'protobuf' }],
  [['gl', 'GL', 'egl', 'EGL'], { apt: 'libgl1-mesa-dev libegl1-mesa-dev', dnf: 'mesa-libGL-devel mesa-libEGL-devel', apk: 'mesa-dev', pacman: 'mesa', zypper: 'Mesa-libGL-devel Mesa-libEGL-devel', brew: '', nix: 'libGL' }],
  [['vulkan'], { apt: 'libvulkan-dev', dnf: 'vulkan-loader-devel', apk: 'vulkan-loader-dev', pacman: 'vulkan-icd-loader', zypper: 'vulkan-devel', brew: 'vulkan-loader', nix: 'vulkan-loader' }],
  [['tesseract', 'lept'], { apt: 'libtesseract-dev libleptonica-dev', dnf: 'tesseract-devel leptonica-devel', apk: 'tesseract-ocr-dev leptonica-dev', pacman: 'tesseract leptonica', zypper: 'tesseract-ocr-devel leptonica-devel', brew: 'tesseract leptonica', nix: 'tesseract leptonica' }],
  [['opencv4', 'opencv'], { apt: 'libopencv-dev', dnf: 'opencv-devel', apk: 'opencv-dev', pacman: 'opencv', zypper: 'opencv-devel', brew: 'opencv', nix: 'opencv' }],
  [['iconv', 'libiconv'], { apt: 'libc6-dev', dnf: 'glibc-devel', apk: 'gnu-libiconv-dev', pacman: 'glibc', zypper: 'glibc-devel', brew: 'libiconv', nix: 'libiconv' }],
  [['sdl2', 'SDL2', 'SDL2main'], { apt: 'libsdl2-dev', dnf: 'SDL2-devel', apk: 'sdl2-dev', pacman: 'sdl2', zypper: 'libSDL2-devel', brew: 'sdl2', nix: 'SDL2' }],
  [['avcodec', 'avformat', 'avutil', 'swscale', 'swresample', 'avfilter', 'avdevice', 'libavcodec', 'libavformat', 'libavutil', 'libswscale', 'libswresample', 'libavfilter', 'libavdevice'], { apt: 'libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev libavfilter-dev libavdevice-dev', dnf: 'ffmpeg-free-devel', apk: 'ffmpeg-dev', pacman: 'ffmpeg', zypper: 'ffmpeg-7-libavcodec-devel ffmpeg-7-libavformat-devel ffmpeg-7-libavutil-devel ffmpeg-7-libswscale-devel', brew: 'ffmpeg', nix: 'ffmpeg' }],
  [['openblas', 'blas', 'cblas', 'lapack', 'lapacke'], { apt: 'libopenblas-dev liblapack-dev', dnf: 'openblas-devel lapack-devel', apk: 'openblas-dev lapack-dev', pacman: 'openblas lapack', zypper: 'openblas-devel lapack-devel', brew: 'openblas lapack', nix: 'openblas lapack' }],
  [['hdf5', 'hdf5_serial'], { apt: 'libhdf5-dev', dnf: 'hdf5-devel', apk: 'hdf5-dev', pacman: 'hdf5', zypper: 'hdf5-devel', brew: 'hdf5', nix: 'hdf5' }],
  [['mpfr'], { apt: 'libmpfr-dev', dnf: 'mpfr-devel', apk: 'mpfr-dev', pacman: 'mpfr', zypper: 'mpfr-devel', brew: 'mpfr', nix: 'mpfr' }],
  [['magic', 'libmagic'], { apt: 'libmagic-dev', dnf: 'file-devel', apk: 'file-dev', pacman: 'file', zypper: 'file-devel', brew: 'libmagic', nix: 'file' }],
  [['archive', 'libarchive'], { apt: 'libarchive-dev', dnf: 'libarchive-devel', apk: 'libarchive-dev', pacman: 'libarchive', zypper: 'libarchive-devel', brew: 'libarchive', nix: 'libarchive' }],
  [['yaml', 'yaml-0.1'], { apt: 'libyaml-dev', dnf: 'libyaml-devel', apk: 'yaml-dev', pacman: 'libyaml', zypper: 'libyaml-devel', brew: 'libyaml', nix: 'libyaml' }],
  [['pcre', 'libpcre'], { apt: 'libpcre3-dev', dnf: 'pcre-devel', apk: 'pcre-dev', pacman: 'pcre', zypper: 'pcre-devel', brew: 'pcre', nix: 'pcre' }],
  [['pcre2-8', 'libpcre2-8', 'pcre2'], { apt: 'libpcre2-dev', dnf: 'pcre2-devel', apk: 'pcre2-dev', pacman: 'pcre2', zypper: 'pcre2-devel', brew: 'pcre2', nix: 'pcre2' }],
  [['icuuc', 'icui18n', 'icu-uc', 'icu-i18n', 'icudata'], { apt: 'libicu-dev', dnf: 'libicu-devel', apk: 'icu-dev', pacman: 'icu', zypper: 'libicu-devel', brew: 'icu4c', nix: 'icu' }],
  [['tiff', 'libtiff-4'], { apt: 'libtiff-dev', dnf: 'libtiff-devel', apk: 'tiff-dev', pacman: 'libtiff', zypper: 'libtiff-devel', brew: 'libtiff', nix: 'libtiff' }],
  [['webp', 'libwebp'], { apt: 'libwebp-dev', dnf: 'libwebp-devel', apk: 'libwebp-dev', pacman: 'libwebp', zypper: 'libwebp-devel', brew: 'webp', nix: 'libwebp' }],
  [['event', 'libevent'], { apt: 'libevent-dev', dnf: 'libevent-devel', apk: 'libevent-dev', pacman: 'libevent', zypper: 'libevent-devel', brew: 'libevent', nix: 'libevent' }],
  [['opus'], { apt: 'libopus-dev', dnf: 'opus-devel', apk: 'opus-dev', pacman: 'opus', zypper: 'libopus-devel', brew: 'opus', nix: 'libopus' }],
  [['krb5', 'krb5-gssapi', 'gssapi_krb5'], { apt: 'libkrb5-dev', dnf: 'krb5-devel', apk: 'krb5-dev', pacman: 'krb5', zypper: 'krb5-devel', brew: 'krb5', nix: 'krb5' }],
  [['ldap', 'lber'], { apt: 'libldap2-dev', dnf: 'openldap-devel', apk: 'openldap-dev', pacman: 'libldap', zypper: 'openldap2-devel', brew: 'openldap', nix: 'openldap' }],
  [['sasl2', 'libsasl2'], { apt: 'libsasl2-dev', dnf: 'cyrus-sasl-devel', apk: 'cyrus-sasl-dev', pacman: 'libsasl', zypper: 'cyrus-sasl-devel', brew: 'cyrus-sasl', nix: 'cyrus_sasl' }],
  [['stdc++'], { apt: 'g++', dnf: 'gcc-c++ libstdc++-devel', apk: 'g++', pacman: 'gcc', zypper: 'gcc-c++', brew: '', nix: 'stdenv.cc.cc.lib' }],
];

const BY_NAME = new Map<string, PackageRow>();
for (const [names, row] of ROWS) for (const n of names) BY_NAME.set(n.toLowerCase(), row);

/** The development packages that provide a library, by its -l or pkg-config name; a naming-convention guess when unknown. */
export function packagesForLibrary(library: string): { row: PackageRow; known: boolean } {
  const name = library.toLowerCase().replace(/\.(?:so|a|lib|dylib)$/, '');
  const row = BY_NAME.get(name) ?? BY_NAME.get(name.replace(/^lib/, ''));
  if (row) return { row, known: true };
  const bare = name.replace(/^lib/, '');
  return {
    row: { apt: `lib${bare}-dev`, dnf: `${bare}-devel`, apk: `${bare}-dev`, pacman: bare, zypper: `${bare}-devel`, brew: bare, nix: bare },
    known: false,
  };
}

const TOOLCHAIN_LIBS = new Set([
  'c', 'm', 'dl', 'rt', 'pthread', 'util', 'gcc', 'gcc_s', 'gcc_eh', 'ssp_nonshared', 'crt1.o',
  'kernel32', 'msvcrt', 'msvcrtd', 'ucrt', 'ucrtd', 'vcruntime', 'libcmt', 'libcmtd', 'oldnames', 'advapi32', 'user32', 'ws2_32',
  'userenv', 'bcrypt', 'ntdll', 'shell32', 'ole32', 'oleaut32', 'uuid.lib', 'legacy_stdio_definitions', 'synchronization', 'dbghelp', 'gdi32', 'secur32', 'crypt32', 'ncrypt', 'iphlpapi', 'psapi', 'comctl32', 'winspool', 'comdlg32', 'shlwapi', 'mswsock',
]);

// A library name as it appears after -l or in pkg-config (letters, digits, . _ + -).
const LIB = String.raw`[\w.+-]+`;

export default defineRule({
  id: 'native-lib-missing',
  title: 'A system library is not installed',
  summary: 'The build needs a system library (to link, or through pkg-config) that is not installed or not on the search path.',
  category: 'system-library',
  patterns: [
    {
      id: 'ld-cannot-find-lib',
      // GNU ld / gold (binutils >= 2.40 adds ": No such file or directory"): "/usr/bin/ld: cannot find -lfoo",
      // MinGW "ld.exe: cannot find -lfoo", also under rustc's "= note:" and cc-rs "cargo:warning=" prefixes.
      source: 'GNU ld / gold / MinGW ld',
      literals: ['cannot find -l'],
      re: new RegExp(String.raw`ld(?:\.\w+)?(?:\.exe)?: (?:error: )?cannot find -l:?(?<library>${LIB})`),
      weight: 0.9,
    },
    {
      id: 'lld-unable-to-find-library',
      // LLVM lld (ld.lld, rust-lld, ld64.lld): "rust-lld: error: unable to find library -lfoo"
      source: 'lld',
      literals: ['unable to find library -l'],
      re: new RegExp(String.raw`error: unable to find library -l:?(?<library>${LIB})`),
      weight: 0.9,
    },
    {
      id: 'apple-ld-library-not-found',
      // Apple ld64 (Xcode <= 14): "ld: library not found for -lfoo"
      source: 'Apple ld64',
      literals: ['library not found for -l'],
      re: new RegExp(String.raw`library not found for -l(?<library>${LIB})`),
      weight: 0.9,
    },
    {
      id: 'apple-ld-prime-library-not-found',
      // Apple ld-prime (Xcode >= 15): "ld: library 'foo' not found"
      source: 'Apple ld-prime',
      literals: ['ld: library '],
      re: /\bld: library '(?<library>[^']+)' not found/,
      weight: 0.9,
    },
    {
      id: 'mold-library-not-found',
      // mold: "mold: fatal: library not found: foo"
      source: 'mold',
      literals: ['library not found: '],
      re: new RegExp(String.raw`mold: fatal: library not found: (?<library>${LIB})`),
      weight: 0.9,
    },
    {
      id: 'msvc-cannot-open-lib',
      // MSVC link.exe: "LINK : fatal error LNK1181: cannot open input file 'foo.lib'"
      source: 'MSVC link.exe',
      literals: ['LNK1181'],
      re: /LNK1181: cannot open input file '(?<library>[\w.+-]+?)(?:\.lib)?'/,
      weight: 0.85,
    },
    {
      id: 'rustc-native-static-lib',
      // rustc: "error: could not find native static library `foo`, perhaps an -L flag is missing?" (static=foo link requests)
      source: 'rustc',
      literals: ['could not find native static library'],
      re: /could not find native static library `(?<library>[^`]+)`/,
      weight: 0.85,
    },
    {
      id: 'pkg-config-crate-not-found',
      // pkg-config crate >= 0.3.26: "The system library `dbus-1` required by crate `libdbus-sys` was not found."
      source: 'pkg-config crate >= 0.3.26 (Rust build scripts)',
      literals: ['The system library `'],
      re: /The system library `(?<library>[^`]+)` required by crate `(?<crate>[^`]+)` was not found/,
      weight: 0.9,
    },
    {
      id: 'pkg-config-crate-not-found-old',
      // pkg-config crate < 0.3.26: "could not find system library 'dbus-1' required by the 'libdbus-sys' crate" (often inside an escaped panic line)
      source: 'pkg-config crate < 0.3.26',
      literals: ['could not find system library'],
      re: /could not find system library '(?<library>[^']+)' required by the '(?<crate>[^']+)' crate/,
      weight: 0.9,
    },
    {
      id: 'pkg-config-package-not-found',
      // pkg-config 0.29: "Package foo was not found in the pkg-config search path." (also inside escaped panic strings)
      source: 'pkg-config 0.29 / pkgconf',
      literals: ['was not found in the pkg-config search path'],
      re: new RegExp(String.raw`Package (?<library>${LIB}) was not found in the pkg-config search path`),
      weight: 0.8,
    },
    {
      id: 'pkg-config-no-package',
      // pkg-config 0.28/0.29: "No package 'foo' found"; pkgconf >= 1.5: "Package 'foo', required by 'virtual:world', not found".
      // Not after CMake's "--" (an optional pkg_check_modules probe, see below).
      source: 'pkg-config / pkgconf',
      literals: ['No package ', "required by 'virtual:world'"],
      re: /^(?:No package '(?<library>[^']+)' found|Package '(?<library2>[^']+)', required by 'virtual:world', not found)/,
      weight: 0.8,
    },
    {
      id: 'meson-dependency-not-found',
      // meson: 'meson.build:12:0: ERROR: Dependency "foo" not found, tried pkgconfig and cmake'
      source: 'meson',
      literals: ['not found, tried '],
      re: /ERROR: Dependency "(?<library>[^"]+)" not found, tried /,
      weight: 0.85,
    },
    {
      id: 'cmake-pkg-check-modules',
      // CMake FindPkgConfig (pkg_check_modules): "--   No package 'foo' found" / "--   Package 'foo', required by 'virtual:world', not found".
      // Often an optional probe, so it is weaker than a failing link.
      source: 'CMake FindPkgConfig',
      literals: ['No package ', "required by 'virtual:world'"],
      re: /^--\s+(?:No package '(?<library>[^']+)' found|Package '(?<library2>[^']+)', required by 'virtual:world', not found)/,
      weight: 0.55,
    },
    {
      id: 'cmake-required-package',
      // CMake FindPkgConfig after a REQUIRED pkg_check_modules probe failed: "A required package was not found" (support: makes the probe decisive)
      source: 'CMake FindPkgConfig',
      literals: ['A required package was not found'],
      re: /A required package was not found/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    const c = ctx.captures;
    const library = c.library ?? c.library2;
    if (!library) return null;
    // Libraries of the C toolchain or the Windows SDK itself: their absence means an incomplete compiler installation
    // (libc6-dev/build-base, Visual Studio's Windows SDK), which the toolchain rules diagnose, or musl-specific on Alpine.
    if (TOOLCHAIN_LIBS.has(library.toLowerCase().replace(/\.lib$/, ''))) return null;
    const crate = c.crate;
    const { row, known } = packagesForLibrary(library.replace(/\s*[<>=].*$/, ''));
    const captures: Record<string, string> = { library };
    if (crate) {
      captures.crate = crate;
      captures.crateNote = ` (required by the crate \`${crate}\`)`;
    }
    for (const [manager, pkgs] of Object.entries(row)) captures[`${manager}Packages`] = pkgs || library;
    if (!known) captures.packageNote = ` (the package names are guessed from the library name: confirm them with your package manager's file search, e.g. apt-file search lib${library}.so)`;
    const required = ctx.hits.some((h) => h.pattern === 'cmake-required-package');
    const onlyCmakeProbe = ctx.hits.every((h) => h.pattern === 'cmake-pkg-check-modules' || h.pattern === 'cmake-required-package');
    if (onlyCmakeProbe && !required) return null;
    return { captures, ...(onlyCmakeProbe && required ? { confidence: 0.85 } : {}) };
  },
  explanation:
    'The build needs the system library `{{library}}`{{crateNote|}}, and it is not installed, or is installed without its development files ' +
    '(the unversioned .so link, the headers and the .pc file live in a separate -dev/-devel package), or is in a directory ' +
    'that the linker or pkg-config does not search. Nothing is wrong with the code: the environment lacks the library.',
  fix: {
    summary: 'Install the development package of `{{library}}`, or point the linker/pkg-config at where it is installed.',
    steps: [
      'Install the development package that provides `{{library}}` (below){{packageNote|}}.',
      'If it is installed in a non-standard prefix, add its lib directory to the search path (RUSTFLAGS="-L native=/path/lib", LIBRARY_PATH, or a `cargo:rustc-link-search` line) and its pkgconfig directory to PKG_CONFIG_PATH.',
      'If `{{library}}` is a library your own project builds, build it first or fix the -l name / link-search path.',
    ],
    packages: {
      apt: ['{{aptPackages}}'],
      dnf: ['{{dnfPackages}}'],
      apk: ['{{apkPackages}}'],
      pacman: ['{{pacmanPackages}}'],
      zypper: ['{{zypperPackages}}'],
      brew: ['{{brewPackages}}'],
      nix: ['{{nixPackages}}'],
    },
    platformCommands: {
      windows: ['vcpkg install {{library}}:x64-windows   # then make the library directory visible to the linker (LIB / cargo:rustc-link-search)'],
    },
  },
});
