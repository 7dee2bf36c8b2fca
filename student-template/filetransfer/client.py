"""filetransfer client: downloads a file from the file server and saves it (TCP).

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
    # TODO 1: take the file name from sys.argv[1], or input() when there is none
    # TODO 2: connect to (HOST, PORT) and send the name followed by "\n"
    # TODO 3: read until the server closes; split at the first b"\n": the status line, then the file
    # TODO 4: OK: write the bytes to a file of that name ("wb"), exit 0; ERROR: print it, write no file, sys.exit(1)
    # TODO 5: no server, or a connection that breaks (OSError): one line, no file, sys.exit(1), no traceback
    sys.exit("filetransfer/client.py is not written yet: follow its TODOs and filetransfer/PROTOCOL.md")


if __name__ == "__main__":
    main()
