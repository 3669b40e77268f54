"""The classic 2-2-2 sigmoid network: forward pass, chain rule by hand, one update step."""

from __future__ import annotations

# --8<-- [start:forward]
import math

import torch

INPUTS = {"i1": 0.05, "i2": 0.10}
TARGETS = {"o1": 0.01, "o2": 0.99}
WEIGHTS = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30}  # input -> hidden
WEIGHTS |= {"w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55}  # hidden -> output
BIASES = {"b1": 0.35, "b2": 0.60}
LEARNING_RATE = 0.5


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def forward(w: dict[str, float]) -> dict[str, float]:
    """Every intermediate value of the network, plus the loss E."""
    i1, i2 = INPUTS["i1"], INPUTS["i2"]
    v = {"net_h1": w["w1"] * i1 + w["w2"] * i2 + BIASES["b1"]}
    v["out_h1"] = sigmoid(v["net_h1"])
    v["net_h2"] = w["w3"] * i1 + w["w4"] * i2 + BIASES["b1"]
    v["out_h2"] = sigmoid(v["net_h2"])
    v["net_o1"] = w["w5"] * v["out_h1"] + w["w6"] * v["out_h2"] + BIASES["b2"]
    v["out_o1"] = sigmoid(v["net_o1"])
    v["net_o2"] = w["w7"] * v["out_h1"] + w["w8"] * v["out_h2"] + BIASES["b2"]
    v["out_o2"] = sigmoid(v["net_o2"])
    v["E_o1"] = 0.5 * (TARGETS["o1"] - v["out_o1"]) ** 2
    v["E_o2"] = 0.5 * (TARGETS["o2"] - v["out_o2"]) ** 2
    v["E"] = v["E_o1"] + v["E_o2"]
    return v


# --8<-- [end:forward]


# --8<-- [start:w5]
def w5_factors(v: dict[str, float]) -> dict[str, float]:
    """The three chain-rule factors of dE/dw5 and their product."""
    factors = {
        "dE/dout_o1": v["out_o1"] - TARGETS["o1"],
        "dout_o1/dnet_o1": v["out_o1"] * (1 - v["out_o1"]),
        "dnet_o1/dw5": v["out_h1"],
    }
    factors["dE/dw5"] = math.prod(factors.values())
    return factors


# --8<-- [end:w5]


# --8<-- [start:w1]
def output_deltas(v: dict[str, float]) -> dict[str, float]:
    """dE/dnet for each output neuron: (out - target) * out * (1 - out)."""
    out = {o: v[f"out_{o}"] for o in TARGETS}
    return {o: (out[o] - TARGETS[o]) * out[o] * (1 - out[o]) for o in TARGETS}


def w1_factors(v: dict[str, float], w: dict[str, float]) -> dict[str, float]:
    """dE/dw1: out_h1 feeds o1 (via w5) and o2 (via w7); the two paths add."""
    delta = output_deltas(v)
    factors = {
        "path via o1": delta["o1"] * w["w5"],
        "path via o2": delta["o2"] * w["w7"],
    }
    factors["dE/dout_h1"] = factors["path via o1"] + factors["path via o2"]
    factors["dout_h1/dnet_h1"] = v["out_h1"] * (1 - v["out_h1"])
    factors["dnet_h1/dw1"] = INPUTS["i1"]
    chain = ("dE/dout_h1", "dout_h1/dnet_h1", "dnet_h1/dw1")
    factors["dE/dw1"] = math.prod(factors[k] for k in chain)
    return factors


# --8<-- [end:w1]


# --8<-- [start:all]
EDGES = {  # weight: (from, to)
    "w1": ("i1", "h1"),
    "w2": ("i2", "h1"),
    "w3": ("i1", "h2"),
    "w4": ("i2", "h2"),
    "w5": ("h1", "o1"),
    "w6": ("h2", "o1"),
    "w7": ("h1", "o2"),
    "w8": ("h2", "o2"),
}


def hidden_deltas(v: dict[str, float], w: dict[str, float]) -> dict[str, float]:
    """dE/dnet for each hidden neuron: the output deltas sent back along w, summed."""
    d = output_deltas(v)
    back = {
        "h1": d["o1"] * w["w5"] + d["o2"] * w["w7"],
        "h2": d["o1"] * w["w6"] + d["o2"] * w["w8"],
    }
    return {h: back[h] * v[f"out_{h}"] * (1 - v[f"out_{h}"]) for h in back}


def hand_gradients(w: dict[str, float]) -> dict[str, float]:
    """dE/dw for all eight weights: the delta of the neuron it feeds times its input."""
    v = forward(w)
    delta = output_deltas(v) | hidden_deltas(v, w)
    signal = INPUTS | {"h1": v["out_h1"], "h2": v["out_h2"]}
    return {name: delta[to] * signal[source] for name, (source, to) in EDGES.items()}


def gradient_step(w: dict[str, float], lr: float = LEARNING_RATE) -> dict[str, float]:
    """All gradients first (with the old weights), then every weight moves at once."""
    grads = hand_gradients(w)
    return {name: w[name] - lr * grads[name] for name in w}


# --8<-- [end:all]


# --8<-- [start:biases]
def bias_gradients(w: dict[str, float]) -> dict[str, float]:
    """b1 is shared by h1 and h2, b2 by o1 and o2: each sums its neurons' deltas."""
    v = forward(w)
    d = output_deltas(v) | hidden_deltas(v, w)
    return {"b1": d["h1"] + d["h2"], "b2": d["o1"] + d["o2"]}


# --8<-- [end:biases]


# --8<-- [start:autograd]
def autograd_gradients(w: dict[str, float]) -> dict[str, float]:
    """The same network in PyTorch; loss.backward() fills every .grad."""
    p = {
        name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
        for name, value in {**w, **BIASES}.items()
    }
    i1, i2 = INPUTS["i1"], INPUTS["i2"]
    h1 = torch.sigmoid(p["w1"] * i1 + p["w2"] * i2 + p["b1"])
    h2 = torch.sigmoid(p["w3"] * i1 + p["w4"] * i2 + p["b1"])
    o1 = torch.sigmoid(p["w5"] * h1 + p["w6"] * h2 + p["b2"])
    o2 = torch.sigmoid(p["w7"] * h1 + p["w8"] * h2 + p["b2"])
    loss = 0.5 * (TARGETS["o1"] - o1) ** 2 + 0.5 * (TARGETS["o2"] - o2) ** 2
    loss.backward()
    return {name: t.grad.item() for name, t in p.items()}


# --8<-- [end:autograd]


def loss_after_steps(steps: int = 10_000) -> float:
    """E after `steps` gradient steps from the classic weights."""
    w = WEIGHTS
    for _ in range(steps):
        w = gradient_step(w)
    return forward(w)["E"]


def w1_with_updated_output_weights() -> float:
    """The slip: update w5..w8 first, then backpropagate through the new values."""
    stepped = gradient_step(WEIGHTS)
    mixed = {
        name: stepped[name] if name in ("w5", "w6", "w7", "w8") else value
        for name, value in WEIGHTS.items()
    }
    return WEIGHTS["w1"] - LEARNING_RATE * w1_factors(forward(WEIGHTS), mixed)["dE/dw1"]


_VALUES = forward(WEIGHTS)
_W5 = w5_factors(_VALUES)
_W1 = w1_factors(_VALUES, WEIGHTS)
_STEP = gradient_step(WEIGHTS)

LOSS = _VALUES["E"]
OUT_O1 = _VALUES["out_o1"]
OUT_O2 = _VALUES["out_o2"]
DE_DOUT_O1 = _W5["dE/dout_o1"]
DOUT_O1_DNET_O1 = _W5["dout_o1/dnet_o1"]
DNET_O1_DW5 = _W5["dnet_o1/dw5"]
DE_DW5 = _W5["dE/dw5"]
W5_UPDATED = _STEP["w5"]
W1_PATH_O1 = _W1["path via o1"]
W1_PATH_O2 = _W1["path via o2"]
DE_DOUT_H1 = _W1["dE/dout_h1"]
DOUT_H1_DNET_H1 = _W1["dout_h1/dnet_h1"]
DE_DW1 = _W1["dE/dw1"]
W1_UPDATED = _STEP["w1"]
DE_DW1_ONE_PATH = _W1["path via o1"] * _W1["dout_h1/dnet_h1"] * _W1["dnet_h1/dw1"]
ONE_PATH_OVERSHOOT = DE_DW1_ONE_PATH / DE_DW1 - 1
W1_WRONG_ORDER = w1_with_updated_output_weights()
# Why dE/dw1 is so much smaller than dE/dw5: the ratio splits into three factors.
OUTPUT_TO_HIDDEN_GRADIENT_RATIO = DE_DW5 / DE_DW1
RATIO_FROM_INPUTS = DNET_O1_DW5 / INPUTS["i1"]
RATIO_FROM_SIGMOID = 1 / DOUT_H1_DNET_H1
RATIO_FROM_WEIGHTS_AND_PATHS = (DE_DOUT_O1 * DOUT_O1_DNET_O1) / DE_DOUT_H1
LOSS_AFTER_ONE_STEP = forward(_STEP)["E"]
BIAS_GRADIENT_B2 = bias_gradients(WEIGHTS)["b2"]


if __name__ == "__main__":
    # --8<-- [start:demo_forward]
    v = forward(WEIGHTS)
    for layer in ("h1", "h2", "o1", "o2"):
        net, out = v[f"net_{layer}"], v[f"out_{layer}"]
        print(f"net_{layer} = {net:.9f}   out_{layer} = {out:.9f}")
    print(f"E = {v['E_o1']:.9f} + {v['E_o2']:.9f} = {v['E']:.9f}")
    # --8<-- [end:demo_forward]

    # --8<-- [start:demo_w5]
    factors = w5_factors(v)
    for name, value in factors.items():
        print(f"{name:16} = {value:.9f}")
    print(f"w5 new           = {WEIGHTS['w5'] - LEARNING_RATE * factors['dE/dw5']:.9f}")
    # --8<-- [end:demo_w5]

    # --8<-- [start:demo_w1]
    factors = w1_factors(v, WEIGHTS)
    for name, value in factors.items():
        print(f"{name:16} = {value:+.9f}")
    print(f"w1 new           = {WEIGHTS['w1'] - LEARNING_RATE * factors['dE/dw1']:.9f}")
    # --8<-- [end:demo_w1]

    # --8<-- [start:demo_all]
    by_hand, by_autograd = hand_gradients(WEIGHTS), autograd_gradients(WEIGHTS)
    new = gradient_step(WEIGHTS)
    print("     old   dE/dw (hand)   dE/dw (autograd)   new")
    for name, old in WEIGHTS.items():
        print(
            f"{name}  {old:.2f}  {by_hand[name]:+.9f}   "
            f"{by_autograd[name]:+.9f}     {new[name]:.9f}"
        )
    print(f"E before {forward(WEIGHTS)['E']:.9f}, after {forward(new)['E']:.9f}")
    # --8<-- [end:demo_all]

    # --8<-- [start:demo_biases]
    by_autograd = autograd_gradients(WEIGHTS)
    print({name: round(g, 9) for name, g in bias_gradients(WEIGHTS).items()})
    print({name: round(by_autograd[name], 9) for name in BIASES})
    # --8<-- [end:demo_biases]
