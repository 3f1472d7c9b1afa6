ardour {
	["type"]    = "dsp",
	name        = "MC Event Recorder",
	category    = "Utility",
	license     = "MIT",
	author      = "MIDI Software Center tests",
	description = [[Records the MIDI events passing through with the session's transport sample]]
}
local N = 1024
function dsp_ioconfig ()
	return { { midi_in = 1, midi_out = 1, audio_in = -1, audio_out = -1 } }
end
function dsp_init (rate)
	self:shmem():allocate(2 + N * 4)
	self:shmem():atomic_set_int(0, 0)
	self:shmem():atomic_set_int(1, 0)
end
function dsp_configure (ins, outs)
	n_out = outs
end
function dsp_runmap (bufs, in_map, out_map, n_samples, offset)
	ARDOUR.DSP.process_map (bufs, n_out, in_map, out_map, n_samples, offset)
	self:shmem():atomic_set_int(1, self:shmem():atomic_get_int(1) + 1)
	local ib = in_map:get (ARDOUR.DataType ("midi"), 0)
	if ib == ARDOUR.ChanMapping.Invalid then return end
	local n = self:shmem():atomic_get_int(0)
	local buf = self:shmem():to_int(2):array()
	local pos = Session:transport_sample()
	for _, e in pairs (bufs:get_midi (ib):table ()) do
		if n < N then
			local ev = e:buffer():array()
			local sz = e:size()
			buf[n * 4 + 1] = ev[1]
			buf[n * 4 + 2] = sz > 1 and ev[2] or 0
			buf[n * 4 + 3] = sz > 2 and ev[3] or 0
			buf[n * 4 + 4] = pos + e:time()
			n = n + 1
		end
	end
	self:shmem():atomic_set_int(0, n)
end
