#!/usr/bin/env python3
"""A recipient (提供先) integrating with Infobank in Python, with jwcrypto and the standard library only.

It gets a DPoP-bound access token with a private_key_jwt client assertion (RFC 7523, RFC 9449),
requests a transfer under its approved offer (with an Idempotency-Key), waits for the bank to build
it, downloads each part, decrypts it with its own key (ECDH-ES+A256KW / A256GCM), verifies the
bank's EdDSA signature against the published JWKS, reads the subjects, and attests the deletion of
anything an open notice names (a real recipient deletes the data first).

Usage (after `npm start`, which seeds the demo organisations):
    python3 examples/python/recipient.py [credentials.json] [--org hidamari-health]
Needs jwcrypto (Debian: apt-get install python3-jwcrypto; elsewhere: pip install jwcrypto).
"""

import argparse
import base64
import hashlib
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from jwcrypto import jwe, jwk, jws, jwt

BANK_SIGNING_ALGORITHM = "EdDSA"
PACKAGE_JWE_TYPE = "infobank-package+jwe"
PACKAGE_JWS_TYPE = "infobank-package+jws"
WITHDRAWAL_NOTICE_JWS_TYPE = "withdrawal-notice+jws"
DELETION_ATTESTATION_JWS_TYPE = "deletion-attestation+jws"
SIGNING_ALGORITHMS = ("EdDSA", "ES256", "PS256")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class ApiError(Exception):
    """A problem+json answer (or an OAuth error from the token endpoint)."""

    def __init__(self, status, body):
        code = body.get("code") or body.get("error") if isinstance(body, dict) else None
        super().__init__(f"{status} {code or 'HTTP_' + str(status)}")
        self.status = status
        self.body = body


class InfobankClient:
    """One organisation at one Infobank API: private_key_jwt + DPoP tokens, held until shortly before they expire."""

    def __init__(self, api_url, organisation_id, signing_jwk):
        if signing_jwk.get("alg") not in SIGNING_ALGORITHMS or not signing_jwk.get("kid"):
            raise ValueError("the private JWK must name its alg and the registered kid")
        self.api_url = api_url.rstrip("/")
        self.organisation_id = organisation_id
        self.signing_alg = signing_jwk["alg"]
        self.signing_kid = signing_jwk["kid"]
        self.signing_key = jwk.JWK(**signing_jwk)
        # The DPoP key is the client's own; it is never registered with the bank.
        self.dpop_key = jwk.JWK.generate(kty="EC", crv="P-256")
        self.dpop_nonce = None
        self.token = None
        self.token_renew_at = 0.0
        self._bank_keys = None

    @property
    def token_endpoint(self):
        return f"{self.api_url}/oauth/token"

    def client_assertion(self):
        now = int(time.time())
        token = jwt.JWT(
            header={"alg": self.signing_alg, "kid": self.signing_kid, "typ": "client-authentication+jwt"},
            claims={
                "iss": self.organisation_id,
                "sub": self.organisation_id,
                "aud": self.token_endpoint,
                "iat": now,
                "exp": now + 60,
                "jti": str(uuid.uuid4()),
            },
        )
        token.make_signed_token(self.signing_key)
        return token.serialize()

    def dpop_proof(self, method, url, access_token=None):
        claims = {"htm": method, "htu": url.split("?")[0], "iat": int(time.time()), "jti": str(uuid.uuid4())}
        if access_token is not None:
            claims["ath"] = b64url(hashlib.sha256(access_token.encode("ascii")).digest())
        if self.dpop_nonce is not None:
            claims["nonce"] = self.dpop_nonce
        proof = jwt.JWT(header={"alg": "ES256", "typ": "dpop+jwt", "jwk": self.dpop_key.export_public(as_dict=True)}, claims=claims)
        proof.make_signed_token(self.dpop_key)
        return proof.serialize()

    def _http(self, method, url, headers, body=None):
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, answer_headers, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, raw = error.code, error.headers, error.read()
        if answer_headers.get("DPoP-Nonce"):
            self.dpop_nonce = answer_headers.get("DPoP-Nonce")
        text = raw.decode("utf-8")
        content_type = answer_headers.get("Content-Type", "")
        parsed = json.loads(text) if text and "json" in content_type else text
        return status, answer_headers, parsed

    def access_token(self):
        if self.token is not None and time.time() < self.token_renew_at:
            return self.token
        for _ in range(2):
            form = urllib.parse.urlencode(
                {
                    "grant_type": "client_credentials",
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion": self.client_assertion(),
                }
            ).encode("ascii")
            headers = {"Content-Type": "application/x-www-form-urlencoded", "DPoP": self.dpop_proof("POST", self.token_endpoint)}
            requested = time.time()
            status, answer_headers, body = self._http("POST", self.token_endpoint, headers, form)
            # A server that wants a DPoP nonce says so once; the request goes again with it.
            if status == 400 and isinstance(body, dict) and body.get("error") == "use_dpop_nonce" and answer_headers.get("DPoP-Nonce"):
                continue
            if status != 200:
                raise ApiError(status, body)
            self.token = body["access_token"]
            self.token_renew_at = requested + max(0, body["expires_in"] - 30)
            return self.token
        raise ApiError(status, body)

    def send(self, method, path, json_body=None, text_body=None, content_type=None, headers=None):
        url = f"{self.api_url}{path}"
        for attempt in range(2):
            token = self.access_token()
            request_headers = {"Authorization": f"DPoP {token}", "DPoP": self.dpop_proof(method, url, token), **(headers or {})}
            data = None
            if json_body is not None:
                request_headers["Content-Type"] = "application/json"
                data = json.dumps(json_body).encode("utf-8")
            elif text_body is not None:
                request_headers["Content-Type"] = content_type or "text/plain"
                data = text_body.encode("utf-8")
            status, answer_headers, body = self._http(method, url, request_headers, data)
            challenge = answer_headers.get("WWW-Authenticate", "")
            if attempt == 0 and status == 401 and "use_dpop_nonce" in challenge and answer_headers.get("DPoP-Nonce"):
                continue
            return status, answer_headers, body
        return status, answer_headers, body

    def call(self, method, path, **options):
        status, _, body = self.send(method, path, **options)
        if not 200 <= status < 300:
            raise ApiError(status, body)
        return body

    def verify_bank_jws(self, compact, typ):
        """Verifies a JWS the bank signed (EdDSA only, the given typ) against /.well-known/jwks.json."""
        if self._bank_keys is None:
            with urllib.request.urlopen(f"{self.api_url}/.well-known/jwks.json", timeout=30) as response:
                self._bank_keys = jwk.JWKSet.from_json(response.read().decode("utf-8"))
        token = jws.JWS()
        token.deserialize(compact)
        header = token.jose_header
        if header.get("alg") != BANK_SIGNING_ALGORITHM or header.get("typ") != typ:
            raise ValueError(f"expected an {BANK_SIGNING_ALGORITHM} JWS of typ {typ}")
        key = self._bank_keys.get_key(header.get("kid"))
        if key is None:
            raise ValueError("signed by a key the bank does not publish")
        token.verify(key, alg=BANK_SIGNING_ALGORITHM)
        return json.loads(token.payload.decode("utf-8"))


def open_part(client, decryption_key, compact_jwe):
    """Decrypts a part with the recipient's key and verifies the bank's signature inside it."""
    envelope = jwe.JWE()
    envelope.allowed_algs = ["ECDH-ES+A256KW", "A256GCM"]
    envelope.deserialize(compact_jwe, key=decryption_key)
    if envelope.jose_header.get("typ") != PACKAGE_JWE_TYPE:
        raise ValueError("not an Infobank package")
    return client.verify_bank_jws(envelope.payload.decode("utf-8"), PACKAGE_JWS_TYPE)


def sign_attestation(client, notice, statement):
    payload = {
        "noticeId": notice["noticeId"],
        "subjects": notice["subjects"],
        "transfers": notice["transfers"],
        "deletedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "statement": statement,
    }
    token = jws.JWS(json.dumps(payload).encode("utf-8"))
    token.add_signature(
        client.signing_key,
        alg=client.signing_alg,
        protected={"alg": client.signing_alg, "kid": client.signing_kid, "typ": DELETION_ATTESTATION_JWS_TYPE},
    )
    return token.serialize(compact=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("credentials", nargs="?", default=".data/demo/credentials.json")
    parser.add_argument("--org", default="hidamari-health")
    args = parser.parse_args()
    with open(args.credentials, encoding="utf-8") as file:
        credentials = json.load(file)
    organisation = next((o for o in credentials["organisations"] if o["slug"] == args.org), None)
    if organisation is None or "gateway" not in organisation["apis"]:
        sys.exit(f"{args.org} is not a recipient in {args.credentials}")
    with open(organisation["signingKeyFile"], encoding="utf-8") as file:
        signing_jwk = json.load(file)
    with open(organisation["encryptionKeyFile"], encoding="utf-8") as file:
        decryption_key = jwk.JWK(**json.load(file))

    client = InfobankClient(organisation["apis"]["gateway"], organisation["id"], signing_jwk)

    offer = next((o for o in client.call("GET", "/v1/offers") if o["status"] == "approved"), None)
    if offer is None:
        sys.exit("No approved offer: draft one, submit it and wait for the board")

    # Keep the Idempotency-Key: sent again, it returns the same transfer.
    idempotency_key = str(uuid.uuid4())
    first = client.call("POST", "/v1/transfers", json_body={"offerId": offer["id"]}, headers={"Idempotency-Key": idempotency_key})
    status, headers, again = client.send("POST", "/v1/transfers", json_body={"offerId": offer["id"]}, headers={"Idempotency-Key": idempotency_key})
    same = status == 202 and again["transferId"] == first["transferId"] and headers.get("Idempotent-Replayed") == "true"

    transfer_id = first["transferId"]
    deadline = time.time() + 120
    while True:
        transfer = client.call("GET", f"/v1/transfers/{transfer_id}")
        if transfer["status"] in ("ready", "delivered", "expired", "cancelled") or time.time() > deadline:
            break
        time.sleep(0.5)

    received = {"subjects": 0, "records": 0, "categories": {}}
    for part in transfer["partList"]:
        if part["status"] not in ("ready", "delivered"):
            continue
        payload = open_part(client, decryption_key, client.call("GET", f"/v1/transfers/{transfer_id}/parts/{part['part']}"))
        if payload["transferId"] != transfer_id or payload["part"] != part["part"]:
            raise ValueError("the package is not the part asked for")
        for subject in payload["subjects"]:
            received["subjects"] += 1
            for record in subject["records"]:
                received["records"] += 1
                received["categories"][record["category"]] = received["categories"].get(record["category"], 0) + 1

    # Notices (also POSTed to your webhook, if you registered one: verify the body with
    # client.verify_bank_jws(body, WITHDRAWAL_NOTICE_JWS_TYPE)). Delete what each names, then attest it.
    attested = []
    for notice in client.call("GET", "/v1/notices?status=open")["notices"]:
        jws_text = sign_attestation(client, notice, "対象データを全システムとバックアップから削除しました。")
        done = client.call("POST", f"/v1/notices/{notice['noticeId']}/attestation", text_body=jws_text, content_type="application/jose")
        attested.append({"noticeId": done["noticeId"], "status": done["status"]})

    print(
        json.dumps(
            {
                "organisation": organisation["id"],
                "offer": {"id": offer["id"], "purposeCode": offer["purposeCode"]},
                "transfer": {
                    "id": transfer["id"],
                    "status": transfer["status"],
                    "parts": transfer["parts"],
                    "counts": transfer["counts"],
                    "sameTransferWhenSentAgain": same,
                },
                "received": received,
                "attested": attested,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
