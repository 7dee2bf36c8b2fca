"""task7 server: a text file server for many clients at once (TCP).

Read task7/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def main():
    # TODO 1: bind to (HOST, PORT), listen, and accept clients in a loop
    # TODO 2: start a new threading.Thread for each client; the thread does all the talking with it
    # TODO 3: in the thread: read the name until the newline; send the file's bytes with sendall() and close, or ERROR file not found\n and close
    # TODO 4: one client's error ends its thread, never the server
    sys.exit("task7/server.py is not written yet: follow its TODOs and task7/PROTOCOL.md")


if __name__ == "__main__":
    main()
