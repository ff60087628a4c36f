-- Keyward password database for Dovecot 2.3 (dovecot-auth-lua, Lua 5.4, lua-cjson).
--
-- Dovecot hands every plaintext login (IMAP, POP3, and Postfix's SMTP AUTH) to auth_password_verify; this
-- script asks Keyward's POST /verify whether the user name and app password may sign in.
-- The request body is built by cjson.encode, never by concatenation, so quotes, backslashes,
-- spaces and non-ASCII characters in names and passwords travel intact.
--
-- Settings come from the environment Dovecot imports (see dovecot.conf):
--   KEYWARD_URL          base URL of Keyward, e.g. http://127.0.0.1:3000
--   KEYWARD_TIMEOUT_MS   how long to wait for an answer before failing closed (default 3000)
--   KEYWARD_GATEWAY_TOKEN this gateway's token (Keyward's KEYWARD_GATEWAY_TOKENS=dovecot:<token>)
local json = require("cjson")

-- Dovecot service names → Keyward's protocols (app password scopes).
local PROTOCOLS = { imap = "imap", pop3 = "pop", submission = "smtp", smtp = "smtp" }

local keyward_url = os.getenv("KEYWARD_URL") or "http://127.0.0.1:3000"
local timeout_ms = tonumber(os.getenv("KEYWARD_TIMEOUT_MS") or "3000")
-- Proves to Keyward that the sign-ins come from this gateway (recorded as gateway:dovecot).
local gateway_token = os.getenv("KEYWARD_GATEWAY_TOKEN")
local http_client = nil

local function client()
  if http_client == nil then
    http_client = dovecot.http.client({
      user_agent = "dovecot-keyward",
      connect_timeout_msecs = timeout_ms,
      request_timeout_msecs = timeout_ms,
      request_absolute_timeout_msecs = timeout_ms,
      max_attempts = 1,
      max_connect_attempts = 1,
      no_auto_retry = true,
    })
  end
  return http_client
end

-- The client's name from its IMAP ID (imap_id_retain = yes hands it over as %{client_id}, a
-- list of quoted pairs such as "name" "Thunderbird" "version" "128.5"): "Thunderbird 128.5".
-- Nil when the client sent none. POP3 and SMTP have no ID command: Postfix reports an SMTP
-- client's EHLO name once the session sends (docs/gateways/postfix/keyward-policy.py).
local function client_name(req)
  local id = req:var_expand("%{client_id}")
  if id == nil or id == "" then return nil end
  local fields = {}
  for key, value in id:gmatch('"([^"\\]*)" "([^"\\]*)"') do
    fields[key:lower()] = value
  end
  if fields.name == nil or fields.name == "" then return nil end
  local name = fields.name
  if fields.version ~= nil and fields.version ~= "" then name = name .. " " .. fields.version end
  return name:sub(1, 128)
end

function auth_password_verify(req, password)
  local body = json.encode({
    userPrincipalName = req.user,
    password = password,
    protocol = PROTOCOLS[req.service] or "imap",
    clientIp = req.remote_ip,
  })
  local request = client():request({ url = keyward_url .. "/verify", method = "POST" })
  request:add_header("Content-Type", "application/json")
  if gateway_token ~= nil and gateway_token ~= "" then request:add_header("X-Keyward-Gateway-Token", gateway_token) end
  local name = client_name(req)
  -- Keyward keeps a client name of printable ASCII only; anything else is left out.
  if name ~= nil and name:match("^[\32-\126]+$") then request:add_header("X-Keyward-Client", name) end
  request:set_payload(body)
  local response = request:submit()
  local status = response:status()
  if status == 204 then
    return dovecot.auth.PASSDB_RESULT_OK, ""
  elseif status == 401 or status == 400 then
    return dovecot.auth.PASSDB_RESULT_PASSWORD_MISMATCH, "Keyward refused the app password"
  elseif status == 429 then
    return dovecot.auth.PASSDB_RESULT_PASSWORD_MISMATCH, "Keyward is throttling this account; retry after " .. response:header("Retry-After") .. " s"
  end
  -- Keyward down, slow or broken: deny (fail closed) and say so in Dovecot's log.
  req:log_error("Keyward did not answer the verification (HTTP status " .. tostring(status) .. " " .. tostring(response:reason()) .. "); login denied")
  return dovecot.auth.PASSDB_RESULT_INTERNAL_FAILURE, "Keyward unavailable"
end

function auth_passdb_lookup(req)
  -- Only password verification is supported: Keyward never hands out a password to compare.
  return dovecot.auth.PASSDB_RESULT_SCHEME_NOT_AVAILABLE, "use auth_password_verify"
end
