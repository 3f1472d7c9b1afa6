-- ardour7-lua script of ArdourSessionIT: the "None (Dummy)" backend, a new session with one MIDI track carrying
-- the plugin (its LV2 preset "mc-host-test" names the known file) and the MC Event Recorder after it; rolls ~4 s,
-- stops, prints what the recorder saw ("MC ev <transport sample> <status> <data1> <data2>"), saves, closes.
local backend = AudioEngine:set_backend("None (Dummy)", "", "")
assert(backend, "no Dummy backend")
print("MC backend " .. AudioEngine:current_backend_name())
local s = create_session(os.getenv("MC_SESSION_DIR"), "mc-session", 48000)
assert(s, "create_session failed")
local tl = Session:new_midi_track(ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1), ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1), false, ARDOUR.PluginInfo(), nil, nil, 1, "mc", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true)
local track = tl:front()
local p = ARDOUR.LuaAPI.new_plugin(Session, "https://midicenter.example/plugins/browser", ARDOUR.PluginType.LV2, "mc-host-test")
assert(not p:isnil(), "plugin not found")
assert(track:add_processor_by_index(p, 0, nil, true) == 0, "add plugin")
local rec = ARDOUR.LuaAPI.new_luaproc(Session, "MC Event Recorder")
assert(not rec:isnil(), "no recorder")
assert(track:add_processor_by_index(rec, 1, nil, true) == 0, "add recorder")
local i = 0
while true do local pr = track:nth_plugin(i); if pr:isnil() then break end; print("MC processor " .. i .. " " .. pr:name()); i = i + 1 end
ARDOUR.LuaAPI.usleep(1500000)
local shm = rec:to_insert():plugin(0):to_luaproc():shmem()
print("MC cycles-before-roll " .. shm:atomic_get_int(1))
Session:request_roll(ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(4200000)
print("MC rolling " .. tostring(Session:transport_rolling()) .. " sample " .. Session:transport_sample())
Session:request_stop(false, false, ARDOUR.TransportRequestSource.TRS_UI)
ARDOUR.LuaAPI.usleep(600000)
print("MC stopped " .. tostring(not Session:transport_rolling()) .. " cycles " .. shm:atomic_get_int(1))
local n = shm:atomic_get_int(0)
local buf = shm:to_int(2):array()
for k = 0, n - 1 do
  print(string.format("MC ev %d %d %d %d", buf[k * 4 + 4], buf[k * 4 + 1], buf[k * 4 + 2], buf[k * 4 + 3]))
end
Session:save_state("", false, false, false, false, false)
print("MC saved " .. Session:path())
close_session()
print("MC done")
