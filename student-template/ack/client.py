"""ack client: one message, one acknowledgment (TCP).

Read ack/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))


def main():
    # TODO 1: the message is " ".join(sys.argv[1:]), or "Hello, server" without arguments
    # TODO 2: connect to (HOST, PORT) and send the message followed by "\n"
    # TODO 3: read the answer (until its "\n" or the server closes), print it, close the socket, exit with code 0
    sys.exit("ack/client.py is not written yet: follow its TODOs and ack/PROTOCOL.md")


if __name__ == "__main__":
    main()
