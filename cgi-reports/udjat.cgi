#!/bin/sh
# udjat's report as a CGI program: the web server runs this for every request under the
# location it is mapped to, with the page in PATH_INFO (/index.html, /hosts/web1.html...).
# Each request starts a JVM (about half a second with the launcher's settings); pages are
# rendered from the current status and history, nothing is written.
#
#   UDJAT_HOME    where udjat is installed (holds the udjat launcher)   default /opt/udjat
#   UDJAT_CONFIG  the configuration file                                default /etc/udjat/udjat.yaml
#
# The web server's user needs read access to the config, the state directory and the key
# files the config names (it never uses the keys: nothing is polled).
exec "${UDJAT_HOME:-/opt/udjat}/udjat" cgi -c "${UDJAT_CONFIG:-/etc/udjat/udjat.yaml}"
