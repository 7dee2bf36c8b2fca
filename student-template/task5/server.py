"""task5 server: a text file server (TCP).

Read task5/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 55))


def main():
    # TODO 1: bind to (HOST, PORT), listen, and serve client after client
    # TODO 2: read the file name until the newline (it may arrive in pieces) and strip it
    # TODO 3: refuse names with /, \ or .. (ERROR not allowed); a missing file gets ERROR file not found
    # TODO 4: otherwise send OK\n and then every byte of the file (open it with "rb"), then close the connection
    sys.exit("task5/server.py is not written yet: follow its TODOs and task5/PROTOCOL.md")


if __name__ == "__main__":
    main()
