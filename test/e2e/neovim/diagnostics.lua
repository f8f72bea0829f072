-- A second real LSP client: Neovim's built-in one (0.7+, Debian's package) starts manifestlint's server
-- with `node dist/server.js --stdio`, opens every fixture listed in ../expected-on-open.json and checks
-- the diagnostics it receives: rule id, 1-based range, severity and message, exactly.
-- run: MANIFESTLINT_REPO=$PWD nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim/diagnostics.lua'
local repo = assert(os.getenv('MANIFESTLINT_REPO'), 'set MANIFESTLINT_REPO to the repository root')
local workspace = repo .. '/test/e2e/workspace'
local TIMEOUT_MS = 15000

local function say(text)
  io.stdout:write('[neovim] ' .. text .. '\n')
end

local function finish(failures)
  say(failures == 0 and 'PASS: diagnostics from node dist/server.js --stdio match' or ('FAIL: ' .. failures .. ' fixture(s) differ'))
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end

local function read(path)
  local file = assert(io.open(path, 'r'))
  local text = file:read('*a')
  file:close()
  return text
end

local SEVERITY = { [vim.diagnostic.severity.ERROR] = 'error', [vim.diagnostic.severity.WARN] = 'warning',
                   [vim.diagnostic.severity.INFO] = 'info', [vim.diagnostic.severity.HINT] = 'hint' }

-- A diagnostic as the e2e suite writes it: "code range severity message", range 1-based line:col-line:col.
local function seen(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code
  return string.format('%s %d:%d-%d:%d %s %s', code, d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, SEVERITY[d.severity], d.message)
end

local function expected_lines(list)
  local lines = {}
  for _, e in ipairs(list) do
    table.insert(lines, string.format('%s %s %s %s', e.code, e.range, e.severity, e.message))
  end
  return lines
end

local function actual_lines(bufnr)
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return vim.tbl_map(seen, diagnostics)
end

vim.cmd('filetype on') -- YAML and Dockerfile buffers get their filetypes, sent as the LSP languageId

local server_exit
local client_id = vim.lsp.start_client({
  name = 'manifestlint',
  cmd = { os.getenv('MANIFESTLINT_NODE') or 'node', repo .. '/dist/server.js', '--stdio' },
  root_dir = workspace,
  on_exit = function(code, signal) server_exit = string.format('exit code %s, signal %s', code, signal) end,
})
if not client_id then
  say('could not start node dist/server.js --stdio')
  return finish(1)
end

local expected = vim.json.decode(read(repo .. '/test/e2e/expected-on-open.json'))
local files, silent = {}, {}
for file, list in pairs(expected) do
  table.insert(#list == 0 and silent or files, file)
end
table.sort(files)
table.sort(silent)

-- Silent files open first: the server lints in the order documents open, so once every flagged file's
-- diagnostics have arrived, the silent ones have been linted too.
local buffers = {}
for _, file in ipairs(vim.list_extend(vim.deepcopy(silent), files)) do
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. file))
  buffers[file] = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffers[file], client_id)
end

local failures = 0
local function compare(file)
  local want, got = expected_lines(expected[file]), actual_lines(buffers[file])
  if vim.deep_equal(want, got) then
    say('ok  ' .. file .. ': ' .. #got .. ' diagnostic(s)' .. (#got > 0 and (' — ' .. table.concat(got, ' | ')) or ''))
    return
  end
  failures = failures + 1
  say('differs  ' .. file)
  say('  expected: ' .. vim.inspect(want))
  say('  received: ' .. vim.inspect(got))
end

for _, file in ipairs(files) do
  vim.wait(TIMEOUT_MS, function()
    return server_exit ~= nil or vim.deep_equal(expected_lines(expected[file]), actual_lines(buffers[file]))
  end, 20)
  compare(file)
end
for _, file in ipairs(silent) do compare(file) end
if server_exit then say('the server stopped: ' .. server_exit) end
finish(failures)
