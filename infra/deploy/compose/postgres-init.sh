#!/bin/bash
# One database and owner per service, one for the children's keys the four share, and one for the registry; each owner's password is the file of its name under
# /run/secrets/db (made by you: README.md). Run once, by the postgres image, when its data directory is new.
set -euo pipefail
for owner in referrals feedback transitions chronology child_keys registry; do
  password=$(cat "/run/secrets/db/$owner")
  psql -v ON_ERROR_STOP=1 --username postgres -v owner="$owner" -v password="$password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"owner" OWNER :"owner";
REVOKE ALL ON DATABASE :"owner" FROM PUBLIC;
SQL
done
