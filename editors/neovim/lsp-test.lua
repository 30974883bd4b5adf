-- End-to-end test of `disclose lsp` through Neovim's built-in LSP client (headless).
-- Run by editors/neovim/lsp-test.sh, which makes a copy of the rules root and sets
-- DISCLOSE (the binary) and RULE_FILE (the copy of countries/VN.disclose).
--
-- Opens the file, waits for the server's first (clean) diagnostics, misspells a question
-- id, waits for E301, asks for code actions, applies the quick fix through the client's
-- own workspace-edit machinery, and checks that the buffer is back to its text and clean.
-- Works with Neovim 0.7 and later (start_client and buf_attach_client).

local disclose = assert(os.getenv('DISCLOSE'), 'DISCLOSE is not set')
local file = assert(os.getenv('RULE_FILE'), 'RULE_FILE is not set')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function step(message) io.stderr:write('  ' .. message .. '\n') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local original = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)

local published = 0
local client_id = vim.lsp.start_client({
  name = 'disclose',
  cmd = { disclose, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':p:h:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, context, config)
      if result and result.uri == vim.uri_from_bufnr(buffer) then published = published + 1 end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, context, config)
    end,
  },
})
if not client_id then fail('the client did not start `' .. disclose .. ' lsp`') end
vim.lsp.buf_attach_client(buffer, client_id)

if not vim.wait(15000, function() return published >= 1 end, 20) then fail('no diagnostics for the shipped file') end
if #vim.diagnostic.get(buffer) ~= 0 then fail('the shipped file has diagnostics: ' .. vim.inspect(vim.diagnostic.get(buffer))) end
step('opened ' .. vim.fn.fnamemodify(file, ':t') .. ': no diagnostics')

-- Misspell a question id in a condition.
local line_number
for index, line in ipairs(original) do
  if line:find('raised when CON-EMP-03 is no', 1, true) then line_number = index - 1 break end
end
if not line_number then fail('no line `raised when CON-EMP-03 is no` in the file') end
local misspelt = original[line_number + 1]:gsub('CON%-EMP%-03', 'CON-EMP-3')
vim.api.nvim_buf_set_lines(buffer, line_number, line_number + 1, false, { misspelt })

local diagnostic
local ok = vim.wait(15000, function()
  for _, item in ipairs(vim.diagnostic.get(buffer)) do
    if item.code == 'E301' or (item.user_data and item.user_data.lsp and item.user_data.lsp.code == 'E301') then
      diagnostic = item
      return true
    end
  end
  return false
end, 20)
if not ok then fail('no E301 after misspelling: ' .. vim.inspect(vim.diagnostic.get(buffer))) end
if diagnostic.lnum ~= line_number then fail('E301 on line ' .. diagnostic.lnum .. ', expected ' .. line_number) end
step('misspelt CON-EMP-03: ' .. diagnostic.message:gsub('\n', ' | '))

local lsp_diagnostic = diagnostic.user_data and diagnostic.user_data.lsp
local range = lsp_diagnostic and lsp_diagnostic.range or {
  start = { line = diagnostic.lnum, character = diagnostic.col },
  ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col },
}
local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  range = range,
  context = { diagnostics = { lsp_diagnostic or {} } },
}, 10000)
local action
for _, response in pairs(responses or {}) do
  for _, candidate in ipairs(response.result or {}) do
    if candidate.kind == 'quickfix' and candidate.edit then action = candidate break end
  end
end
if not action then fail('no quick fix offered: ' .. vim.inspect(responses)) end
step('quick fix: ' .. action.title)
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')

local before = published
if not vim.wait(15000, function() return published > before and #vim.diagnostic.get(buffer) == 0 end, 20) then
  fail('diagnostics remain after the fix: ' .. vim.inspect(vim.diagnostic.get(buffer)))
end
if not vim.deep_equal(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), original) then fail('the buffer differs from the original after the fix') end
step('after the fix: the buffer is the original text, with no diagnostics')

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
io.stderr:write('neovim lsp test passed\n')
vim.cmd('qall!')
