"""Writes a real recording-like audio file for the podcast tests: a tone
of a few seconds, encoded with FFmpeg's own encoders (through PyAV, from
scripts/requirements-test.txt): MP3 (LAME) or M4A (AAC in MP4).

    python make_audio.py out.mp3 5
    python make_audio.py out.m4a 4
"""
import math
import sys

import av
import numpy as np

path, seconds = sys.argv[1], float(sys.argv[2])
codec = "libmp3lame" if path.endswith(".mp3") else "aac"
rate = 44100
with av.open(path, "w", format="mp3" if codec == "libmp3lame" else "ipod") as out:
    stream = out.add_stream(codec, rate=rate)
    stream.layout = "mono"
    n = int(seconds * rate)
    t = np.arange(n) / rate
    samples = (0.3 * np.sin(2 * math.pi * 440 * t)).astype(np.float32)
    fmt = "fltp" if codec == "aac" else "s16p"
    if fmt == "s16p":
        samples = (samples * 32767).astype(np.int16)
    block = 1152
    for start in range(0, n, block):
        chunk = samples[start:start + block].reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(chunk, format=fmt, layout="mono")
        frame.sample_rate = rate
        frame.pts = start
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)
