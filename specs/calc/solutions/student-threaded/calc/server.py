import os
import socketserver

PORT = int(os.environ.get("PORT", 5005))
OPERATORS = "+-*/"


def parse_number(text):
    text = text.strip()
    digits = text[1:] if text.startswith("-") else text
    if digits.count(".") > 1 or not digits.replace(".", "").isdigit() or digits.startswith(".") or digits.endswith("."):
        raise ValueError("not a number: " + text)
    return float(text)


def evaluate(expression):
    # find the operator: the first + - * / that is not the sign of the first number
    s = expression.strip()
    for i in range(1, len(s)):
        if s[i] in OPERATORS:
            left, op, right = s[:i], s[i], s[i + 1:]
            a = parse_number(left)
            b = parse_number(right)
            if op == "+":
                r = a + b
            elif op == "-":
                r = a - b
            elif op == "*":
                r = a * b
            else:
                r = a / b
            if r == int(r) and abs(r) < 1e15:
                return str(int(r))
            return str(r)
    raise ValueError("no operator")


class CalcHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace")
            try:
                answer = evaluate(line)
            except ZeroDivisionError:
                answer = "ERROR division by zero"
            except ValueError as e:
                answer = "ERROR " + str(e)
            self.wfile.write((answer + "\n").encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", PORT), CalcHandler) as srv:
    srv.serve_forever()
