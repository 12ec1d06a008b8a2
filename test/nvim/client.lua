-- Wengao's language server driven by Neovim's own LSP client (issue 12: a second client in CI).
-- Run headless by test/nvim/run.mjs, which reads the JSON this writes and checks it.
-- Environment: WENGAO_SERVER (dist/server.js), WENGAO_WS (the workspace folder),
-- WENGAO_OUT (where to write the results), WENGAO_EDITS (how many edits), WENGAO_SEED,
-- WENGAO_ENCODING (utf-16, or utf-8: offered as positionEncoding, as Neovim 0.10 does, and used).
local out = { errors = {}, steps = {} }
local ws = vim.env.WENGAO_WS
local function done()
  local f = io.open(vim.env.WENGAO_OUT, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end
local encoding = vim.env.WENGAO_ENCODING or 'utf-16'
--- A byte column of `line` in the agreed units.
local function units(line, byte)
  if encoding == 'utf-8' then return byte end
  local _, u16 = vim.str_utfindex(line, byte)
  return u16
end
local ok, err = pcall(function()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.general = { positionEncodings = { encoding } }
  local client_id = vim.lsp.start_client({
    name = 'wengao',
    capabilities = capabilities,
    offset_encoding = encoding,
    cmd = { 'node', vim.env.WENGAO_SERVER, '--stdio' },
    root_dir = ws,
    workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'ws' } },
    on_error = function(code, e)
      table.insert(out.errors, tostring(code) .. ': ' .. vim.inspect(e))
    end,
  })
  out.client = client_id ~= nil
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/brief.txt'))
  local buf = vim.api.nvim_get_current_buf()
  -- (Neovim's name for plain text: what the server must serve, .txt or not.)
  vim.bo[buf].filetype = 'text'
  vim.lsp.buf_attach_client(buf, client_id)
  local codes = function()
    local t = {}
    -- (The column in bytes, as Neovim keeps it once it has read the server's units.)
    for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(t, d.lnum .. ':' .. d.col .. ':' .. (d.code or '?')) end
    table.sort(t)
    return t
  end
  -- (figure.mismatch comes once the workspace is indexed.)
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == 'figure.mismatch' then return true end end
    return false
  end, 50)
  out.first = codes()

  -- Hover on the brief's figure, and the outline.
  local client = vim.lsp.get_client_by_id(client_id)
  out.server_encoding = client.server_capabilities and client.server_capabilities.positionEncoding
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  local byte = line:find('350', 1, true)
  local col = units(line, byte - 1)
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = col } }, 10000, buf)
  out.hover = hover and hover.result and hover.result.contents and (hover.result.contents.value or '') or ''
  local symbols = client.request_sync('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, 10000, buf)
  out.symbols = symbols and symbols.result and #symbols.result or 0

  -- A quick fix, applied: the first action with an edit (figure.mismatch takes the report's
  -- value; the ignore actions are commands).
  local actions_total = 0
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- (As Neovim's own code_action sends it: the diagnostic rebuilt in LSP terms, columns in
    -- the agreed units, without the server's data.)
    local function at(row, col)
      local l = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or ''
      return units(l, math.min(col, #l))
    end
    local range = { start = { line = d.lnum, character = at(d.lnum, d.col) }, ['end'] = { line = d.end_lnum, character = at(d.end_lnum, d.end_col) } }
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = range,
      context = { diagnostics = { { range = range, message = d.message, code = d.code, severity = d.severity, source = d.source } } },
    }
    local r = client.request_sync('textDocument/codeAction', params, 10000, buf)
    if r and r.result then
      actions_total = actions_total + #r.result
      for _, a in ipairs(r.result) do
        if a.edit and not out.applied then
          vim.lsp.util.apply_workspace_edit(a.edit, encoding)
          out.applied = a.title
        end
      end
    end
  end
  out.actions = actions_total
  out.text_after_fix = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')

  -- Incremental edits that put characters beyond the BMP here and there: the server must keep
  -- up, and never send a message Neovim cannot decode.
  local pieces = { '𠮷', '𡈼', '😀', '葛󠄀', '“', '。', '𠮷𠮷' }
  local seed = tonumber(vim.env.WENGAO_SEED or '7')
  local function rnd(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  end
  for _ = 1, tonumber(vim.env.WENGAO_EDITS or '200') do
    local count = vim.api.nvim_buf_line_count(buf)
    local row = rnd(count)
    local text = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
    -- (At a character boundary: a byte offset where a UTF-8 character starts.)
    local chars = vim.str_utfindex(text)
    local at = vim.str_byteindex(text, rnd(chars + 1))
    if rnd(5) == 0 and #text > 0 then
      local stop = vim.str_byteindex(text, math.min(chars, vim.str_utfindex(text, at) + 1))
      if stop > at then vim.api.nvim_buf_set_text(buf, row, at, row, stop, { '' }) end
    else
      vim.api.nvim_buf_set_text(buf, row, at, row, at, { pieces[rnd(#pieces) + 1] })
    end
    if rnd(10) == 0 then vim.wait(20) end
  end
  -- Settle: the last publish for the final text.
  local final = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  local f = io.open(vim.env.WENGAO_OUT .. '.final.txt', 'w')
  f:write(final)
  f:close()
  local last, stable = nil, 0
  vim.wait(20000, function()
    local now = table.concat(codes(), ',')
    if now == last then stable = stable + 1 else stable = 0 end
    last = now
    return stable >= 15
  end, 100)
  out.final = codes()

end)
if not ok then out.crash = tostring(err) end
done()
