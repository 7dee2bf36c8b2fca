"""filetransfer server: serves the files of its folder, one client after another (TCP).

Read filetransfer/PROTOCOL.md first: it says exactly what is sent, in what order,
and what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5004))


def main():
    # TODO 1: bind to (HOST, PORT), listen, and serve clients one after another
    # TODO 2: read the file name until the newline, strip it
    # TODO 3: a missing file gets ERROR file not found\n; otherwise send OK\n and the file's bytes ("rb", sendall)
    # TODO 4: close the connection after the last byte, then accept the next client
    # TODO 5: a bad request (empty, not UTF-8, a name far too long) gets an ERROR line and must not stop the server
    sys.exit("filetransfer/server.py is not written yet: follow its TODOs and filetransfer/PROTOCOL.md")


if __name__ == "__main__":
    main()
