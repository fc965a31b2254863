"""Writes torch-oracle.json: PyTorch's values and gradients (float64) for jgrad's activation and layer tests.
Run: python3 torch_oracle.py (needs torch); the JSON is committed, so the tests need no Python."""
import json, math, torch

torch.set_default_dtype(torch.float64)
z = torch.tensor([-5 + 0.25 * i + 0.0123 for i in range(41)])
w = torch.tensor([math.cos(i) for i in range(41)])
acts = {
    "relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "silu": torch.nn.functional.silu,
    "elu": torch.nn.functional.elu, "gelu": lambda t: torch.nn.functional.gelu(t),
    "gelu_tanh": lambda t: torch.nn.functional.gelu(t, approximate="tanh"), "softplus": torch.nn.functional.softplus,
    "identity": lambda t: t,
}
out = {"z": z.tolist(), "w": w.tolist(), "activations": {}}
for name, f in acts.items():
    x = z.clone().requires_grad_(True)
    y = f(x)
    (y * w).sum().backward()
    out["activations"][name] = {"y": y.tolist(), "grad": x.grad.tolist()}

x = torch.tensor([[math.sin(0.7 * i) * (j + 1) + 0.1 * j for j in range(3)] for i in range(6)], requires_grad=True)
bn = torch.nn.BatchNorm1d(3, eps=1e-5, momentum=0.1)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0]))
    bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
gw = torch.tensor([[math.cos(i + 2 * j) for j in range(3)] for i in range(6)])
y = bn(x)
(y * gw).sum().backward()
bn.eval()
out["batchnorm"] = {
    "x": x.tolist(), "weight": bn.weight.tolist(), "bias": bn.bias.tolist(), "upstream": gw.tolist(),
    "y": y.tolist(), "dx": x.grad.tolist(), "dweight": bn.weight.grad.tolist(), "dbias": bn.bias.grad.tolist(),
    "running_mean": bn.running_mean.tolist(), "running_var": bn.running_var.tolist(), "eval_y": bn(x).tolist(),
}
logits = torch.tensor([[math.sin(i + 3 * j) * 2 for j in range(3)] for i in range(7)], requires_grad=True)
labels = torch.tensor([0, 2, 1, 1, 0, 2, 2])
weights = torch.tensor([0.5, 2.0, 1.25])
ce = torch.nn.functional.cross_entropy(logits, labels, weight=weights)
ce.backward()
out["weighted_cross_entropy"] = {"logits": logits.tolist(), "labels": labels.tolist(), "weights": weights.tolist(),
                                 "loss": ce.item(), "grad": logits.grad.tolist()}
json.dump(out, open("torch-oracle.json", "w"), indent=1)
print("torch", torch.__version__)
