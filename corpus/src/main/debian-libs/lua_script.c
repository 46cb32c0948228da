/* Debian's Lua 5.4 (liblua5.4-dev:arm64) embedded: a script that counts the words of standard input, sorts them,
 * formats numbers, uses closures, coroutines, metatables, pcall and error objects, integer and float arithmetic,
 * string patterns and utf8; and a syntax error reported by the C API. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

static const char *SCRIPT =
    "local counts, total = {}, 0\n"
    "for line in io.lines() do\n"
    "  for word in line:gmatch('%a+') do\n"
    "    word = word:lower(); counts[word] = (counts[word] or 0) + 1; total = total + 1\n"
    "  end\n"
    "end\n"
    "local words = {}\n"
    "for w, n in pairs(counts) do words[#words + 1] = {w = w, n = n} end\n"
    "table.sort(words, function(a, b) return a.n > b.n or (a.n == b.n and a.w < b.w) end)\n"
    "print(('%d words, %d distinct'):format(total, #words))\n"
    "for i = 1, math.min(5, #words) do print(('  %-8s %3d'):format(words[i].w, words[i].n)) end\n"
    "local function counter() local c = 0; return function() c = c + 1; return c end end\n"
    "local next_id = counter(); next_id(); print('closure', next_id())\n"
    "local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)\n"
    "print('coroutine', gen(), gen(), gen())\n"
    "local V = {}; V.__index = V\n"
    "V.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, V) end\n"
    "V.__tostring = function(v) return ('(%g, %g)'):format(v.x, v.y) end\n"
    "print('metatable', tostring(setmetatable({x = 1.5, y = 2}, V) + setmetatable({x = 0.25, y = -3}, V)))\n"
    "local ok, err = pcall(function() error({code = 42}) end); print('pcall', ok, err.code)\n"
    "ok, err = pcall(function() return nil + 1 end); print('error', ok, (err:gsub('^.-:%d+: ', '')))\n"
    "print('integers', 7 // 2, -7 // 2, 7 % -3, math.maxinteger + 1 == math.mininteger, 1 << 62)\n"
    "print('floats', 7 / 2, 2^53, math.sqrt(2), math.pi, string.format('%.17g', 0.1), 1e300 * 1e10, -0.0)\n"
    "print('conversions', math.tointeger(3.0), 10 // 0.0, tostring(0/0):match('nan') ~= nil, 255 // 1 | 0)\n"
    "print('patterns', ('hello world from lua'):gsub('(%w+)', '<%1>'))\n"
    "print('utf8', utf8.len('h\\u{e9}llo w\\u{f6}rld'), utf8.char(72, 228, 8364))\n"
    "print('pack', string.unpack('<i4', string.pack('<i4', -123456)))\n"
    "local t = {}; for i = 1, 1000 do t[i] = (i * 7919) % 1009 end; table.sort(t)\n"
    "print('sorted', t[1], t[500], t[1000], #t)\n";

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_dostring(L, SCRIPT) != LUA_OK) {
    printf("script failed: %s\n", lua_tostring(L, -1));
    return 1;
  }
  if (luaL_loadstring(L, "local x = = 1") != LUA_OK) printf("syntax error: %s\n", lua_tostring(L, -1));
  lua_close(L);
  return 0;
}
