# tests/net/tls.sh: sourced by the network suites after tests/lib.sh. Makes
# a test CA, a server certificate for 127.0.0.1/localhost, one for another
# name (wrong.example), a client certificate and a second, unknown CA with
# openssl, all at test time under $T/pki; starts and stops a real nginx on
# 127.0.0.1 with TLS. The access log has one line per request:
# "GET /path HTTP/1.1 STATUS BYTES gz=RATIO range=RANGE client=VERIFY
# conn=CONNECTION" (nginx's number of the TCP connection).
#
#   tls_make_pki                 → $T/pki/{ca,server,wrong,client,other-ca,expired}.{crt,key}
#   nginx_start ROOT [EXTRA]     → serves ROOT on https://127.0.0.1:$NGINX_PORT/,
#                                  workers running as the invoking user
#                                  (EXTRA: nginx directives for the server block;
#                                  $NGINX_HTTP: directives for the http block;
#                                  $NGINX_CERT: another certificate name)
#   nginx_stop
#   nginx_requests               → the access log lines so far
#   tls_suite_ready              → for a suite of globe against nginx: says
#                                  SKIP and exits when globe, globe-publish,
#                                  nginx, openssl, python3 or the
#                                  certificates are missing; else the PKI
#                                  is made, proxies unset, nginx stopped
#                                  on exit
: "${T:?source tests/lib.sh first}"

tls_suite_ready() {
	if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
		echo "# SKIP globe or globe-publish not built"
		done_testing
		exit 0
	fi
	if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
		echo "# SKIP nginx not installed"
		done_testing
		exit 0
	fi
	if ! command -v openssl >/dev/null 2>&1 ||
	    ! command -v python3 >/dev/null 2>&1; then
		echo "# SKIP openssl or python3 not installed"
		done_testing
		exit 0
	fi
	PATH="$PATH:/usr/sbin"
	unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy \
	    ALL_PROXY no_proxy NO_PROXY
	trap 'nginx_stop' EXIT
	if ! tls_make_pki; then
		echo "# SKIP cannot make test certificates:"
		sed 's/^/#   /' "$T/pki.log" | tail -n 5
		done_testing
		exit 0
	fi
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

tls_make_pki() {
	P="$T/pki"
	mkdir -p "$P"
	(
		cd "$P" || exit 1
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout ca.key -out ca.crt -days 2 -subj "/CN=globe test CA" \
			-addext "basicConstraints=critical,CA:TRUE" \
			-addext "keyUsage=critical,keyCertSign,cRLSign"
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout other-ca.key -out other-ca.crt -days 2 -subj "/CN=unknown CA"
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout server.key -out server.csr -subj "/CN=127.0.0.1"
		printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
		openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
			-out server.crt -days 2 -extfile server.ext
		# Signed by the test CA, but for another name only.
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout wrong.key -out wrong.csr -subj "/CN=wrong.example"
		printf 'subjectAltName=DNS:wrong.example\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >wrong.ext
		openssl x509 -req -in wrong.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
			-out wrong.crt -days 2 -extfile wrong.ext
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout client.key -out client.csr -subj "/CN=globe officer"
		printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n' >client.ext
		openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
			-out client.crt -days 2 -extfile client.ext
		# Signed by the test CA for 127.0.0.1, valid for one day in 2020.
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
			-keyout expired.key -out expired.csr -subj "/CN=127.0.0.1"
		mkdir -p ca-db && : >ca-db/index.txt && echo 1000 >ca-db/serial
		printf '[ca]\ndefault_ca = t\n[t]\ndatabase = ca-db/index.txt\nnew_certs_dir = ca-db\nserial = ca-db/serial\ndefault_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n' >ca.cnf
		openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key \
			-in expired.csr -out expired.crt -extfile server.ext \
			-startdate 20200101000000Z -enddate 20200102000000Z
		chmod 600 ./*.key
	) >"$T/pki.log" 2>&1
}

# nginx started by root runs its workers as "nobody", which cannot enter
# a checkout under a home only its owner may enter (Debian makes homes
# 0700): the workers answer 403. Run them as the user running the tests.
# Started by anyone else, nginx cannot switch users and warns about a
# "user" line, so there is none.
nginx_user() {
	if [ "$(id -u)" -eq 0 ]; then
		printf 'user %s %s;\n' "$(id -un)" "$(id -gn)"
	fi
}

NGINX_PID=""
nginx_start() {
	root=$1
	extra=${2:-}
	NGINX_PORT=$(free_port)
	N="$T/nginx"
	mkdir -p "$N/tmp"
	: >"$N/access.log"
	cat >"$N/nginx.conf" <<CONF
daemon off;
$(nginx_user)
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log info;
events { worker_connections 64; }
http {
	log_format globe '\$request \$status \$body_bytes_sent gz=\$gzip_ratio range=\$http_range client=\$ssl_client_verify conn=\$connection';
	access_log $N/access.log globe;
	${NGINX_HTTP:-}
	client_body_temp_path $N/tmp;
	proxy_temp_path $N/tmp;
	fastcgi_temp_path $N/tmp;
	uwsgi_temp_path $N/tmp;
	scgi_temp_path $N/tmp;
	types { application/json json; application/x-ndjson jsonl; text/plain minisig; }
	server {
		listen 127.0.0.1:$NGINX_PORT ssl;
		server_name 127.0.0.1 localhost;
		ssl_certificate $T/pki/${NGINX_CERT:-server}.crt;
		ssl_certificate_key $T/pki/${NGINX_CERT:-server}.key;
		root $root;
		$extra
	}
}
CONF
	nginx -c "$N/nginx.conf" -e "$N/error.log" >"$N/stdout.log" 2>&1 &
	NGINX_PID=$!
	i=0
	while [ $i -lt 50 ]; do
		if python3 -c "import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(('127.0.0.1',$NGINX_PORT)))" 2>/dev/null; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.1
	done
	echo "# nginx did not start:"; sed 's/^/#   /' "$N/error.log" "$N/stdout.log" | tail -n 20
	return 1
}

nginx_stop() {
	if [ -n "$NGINX_PID" ]; then
		kill "$NGINX_PID" 2>/dev/null
		wait "$NGINX_PID" 2>/dev/null
		NGINX_PID=""
	fi
}

nginx_requests() {
	cat "$T/nginx/access.log"
}
