-- Driven by test/package/neovim.test.ts: Neovim (0.7+) as an LSP client of the
-- vnhr language server. Writes what it saw to $VNHR_NVIM_OUT as JSON.
local server, file, out = os.getenv('VNHR_SERVER'), os.getenv('VNHR_FILE'), os.getenv('VNHR_NVIM_OUT')
local result = { diagnostics = {}, hover = nil, action = nil, line_after = nil, error = nil }
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = 'vnhr', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'no diagnostics within 30 s')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code, lnum = d.lnum, col = d.col, message = d.message })
  end
  -- Hover on the figure "12,5" (line 5, 0-based 4).
  local line4 = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
  local byte = assert(line4:find('12,5', 1, true)) - 1
  -- LSP positions are UTF-16 code units; Lua's find gives bytes.
  local _, col = vim.str_utfindex(line4, byte)
  local hv = client.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 4, character = col } }, 10000, bufnr)
  result.hover = hv and hv.result and hv.result.contents or vim.NIL
  -- The quick fix of the whitespace diagnostic, applied as Neovim applies it.
  -- The diagnostic back in LSP terms: Neovim 0.7 keeps the server's extra fields in
  -- user_data.lsp and the range in bytes; LSP wants UTF-16.
  local ws
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = 2 })) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (lsp.code or d.code) == 'whitespace' then
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      local _, sc = vim.str_utfindex(line, d.col)
      local _, ec = vim.str_utfindex(line, d.end_col)
      ws = { range = { start = { line = d.lnum, character = sc }, ['end'] = { line = d.end_lnum, character = ec } }, code = 'whitespace', source = 'vnhr', message = d.message, data = lsp.data }
    end
  end
  assert(ws, 'no whitespace diagnostic on line 3')
  local ca = client.request_sync('textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = ws.range, context = { diagnostics = { ws }, only = { 'quickfix' } } }, 10000, bufnr)
  for _, a in ipairs(ca and ca.result or {}) do
    -- Neovim announces codeAction/resolve support: the server fills the edit in on request.
    if not a.edit and not a.command then
      local r = client.request_sync('codeAction/resolve', a, 10000, bufnr)
      if r and r.result then a = r.result end
    end
    if a.edit then
      result.action = a.title
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      break
    end
  end
  result.line_after = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
end)
if not ok then result.error = tostring(err) end
finish()
