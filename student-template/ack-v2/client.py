"""ack-v2 client: interactive echo client (TCP).

Read ack-v2/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))


def main():
    # TODO 1: connect to (HOST, PORT)
    # TODO 2: loop: input() a line; quit or exit (any case): leave the loop without sending
    # TODO 3: otherwise send it with "\n", read the answer line (buffer until "\n") and print it; after bye, leave the loop
    # TODO 4: Ctrl+D (EOFError), Ctrl+C (KeyboardInterrupt) and the server closing end the client: close the socket, exit with code 0, no traceback
    sys.exit("ack-v2/client.py is not written yet: follow its TODOs and ack-v2/PROTOCOL.md")


if __name__ == "__main__":
    main()
