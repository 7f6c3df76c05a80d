"""Writes a small real video for the video tests: moving colours for a few
seconds at 64 by 64 pixels, encoded with FFmpeg's encoders through PyAV
(scripts/requirements-test.txt): MP4 (H.264) or WebM (VP9).

    python make_video.py out.mp4 2
    python make_video.py out.webm 2
"""
import sys

import av
import numpy as np

path, seconds = sys.argv[1], float(sys.argv[2])
webm = path.endswith(".webm")
with av.open(path, "w", format="webm" if webm else "mp4") as out:
    stream = out.add_stream("libvpx-vp9" if webm else "libx264", rate=10)
    stream.width = 64
    stream.height = 64
    stream.pix_fmt = "yuv420p"
    for i in range(int(seconds * 10)):
        img = np.zeros((64, 64, 3), dtype=np.uint8)
        img[:, :, 0] = (i * 25) % 256
        img[:, :, 1] = np.arange(64, dtype=np.uint8)[None, :] * 4
        frame = av.VideoFrame.from_ndarray(img, format="rgb24")
        frame.pts = i
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)
