"""Parameter counts of landmark networks, built layer by layer in torch."""

from __future__ import annotations

# --8<-- [start:lenet]
import torch
from torch import nn


def lenet5() -> nn.Sequential:
    """LeNet-5 as usually rebuilt today, for 32 x 32 grayscale images and 10 classes.

    Differences from the 1998 network: C3 connects every map to all 6 maps of S2, pooling has
    no trainable coefficients, and the output is a linear layer instead of RBF units.
    """
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5),  # C1: 32x32 -> 6 x 28x28
        nn.Tanh(),
        nn.AvgPool2d(2),  # S2: -> 6 x 14x14
        nn.Conv2d(6, 16, kernel_size=5),  # C3: -> 16 x 10x10
        nn.Tanh(),
        nn.AvgPool2d(2),  # S4: -> 16 x 5x5
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120),  # C5
        nn.Tanh(),
        nn.Linear(120, 84),  # F6
        nn.Tanh(),
        nn.Linear(84, 10),  # output
    )


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# --8<-- [end:lenet]


# --8<-- [start:lenet_1998]
def lenet5_1998_parameters() -> dict[str, int]:
    """Trainable parameters of the 1998 LeNet-5, layer by layer (without the RBF output)."""
    c3_inputs = 6 * 3 + 6 * 4 + 3 * 4 + 1 * 6  # the paper's table: which S2 maps feed each C3 map
    return {
        "C1": 6 * (5 * 5 + 1),
        "S2": 6 * 2,  # one coefficient and one bias per map
        "C3": c3_inputs * 5 * 5 + 16,
        "S4": 16 * 2,
        "C5": 120 * (16 * 5 * 5 + 1),
        "F6": 84 * (120 + 1),
    }


# --8<-- [end:lenet_1998]


# --8<-- [start:alexnet]
def alexnet_2012() -> nn.Sequential:
    """AlexNet as in the 2012 paper: conv2, conv4 and conv5 split into two groups (two GPUs)."""
    return nn.Sequential(
        nn.Conv2d(3, 96, 11, stride=4),
        nn.ReLU(),
        nn.MaxPool2d(3, stride=2),
        nn.Conv2d(96, 256, 5, padding=2, groups=2),
        nn.ReLU(),
        nn.MaxPool2d(3, stride=2),
        nn.Conv2d(256, 384, 3, padding=1),
        nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1, groups=2),
        nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1, groups=2),
        nn.ReLU(),
        nn.MaxPool2d(3, stride=2),
        nn.Flatten(),
        nn.Linear(256 * 6 * 6, 4096),
        nn.ReLU(),
        nn.Dropout(0.5),
        nn.Linear(4096, 4096),
        nn.ReLU(),
        nn.Dropout(0.5),
        nn.Linear(4096, 1000),
    )


def vgg16() -> nn.Sequential:
    """VGG-16 (configuration D): thirteen 3x3 convolutions in five blocks, three linear layers."""
    layers, channels = [], 3
    for width, repeat in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(repeat):
            layers += [nn.Conv2d(channels, width, 3, padding=1), nn.ReLU()]
            channels = width
        layers.append(nn.MaxPool2d(2))
    layers += [nn.Flatten(), nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Dropout(0.5)]
    layers += [nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, 1000)]
    return nn.Sequential(*layers)


# --8<-- [end:alexnet]


def on_meta(build):
    """Build a network without allocating its weights (only their shapes are needed)."""
    with torch.device("meta"):
        return build()


LENET5_PARAMETERS = count_parameters(lenet5())
LENET5_1998_PARAMETERS = sum(lenet5_1998_parameters().values())
LENET5_1998_C3 = lenet5_1998_parameters()["C3"]
LENET5_C3 = 16 * (6 * 5 * 5 + 1)
LENET5_C5 = 120 * (16 * 5 * 5 + 1)


def alexnet_parameters() -> int:
    return count_parameters(on_meta(alexnet_2012))


def alexnet_linear_share() -> float:
    model = on_meta(alexnet_2012)
    linear = sum(count_parameters(m) for m in model if isinstance(m, nn.Linear))
    return linear / count_parameters(model)


def vgg16_parameters() -> int:
    return count_parameters(on_meta(vgg16))


def transformer_base_parameters() -> int:
    """nn.Transformer's defaults are the base model's sizes: 512 wide, 8 heads, 6 + 6 layers."""
    return count_parameters(on_meta(lambda: nn.Transformer(batch_first=True)))


def alexnet_millions() -> float:
    return alexnet_parameters() / 1e6


def vgg16_millions() -> float:
    return vgg16_parameters() / 1e6


def transformer_base_millions() -> float:
    return transformer_base_parameters() / 1e6


def alexnet_output_shape() -> tuple[int, ...]:
    return tuple(on_meta(alexnet_2012)(torch.zeros(1, 3, 227, 227, device="meta")).shape)


# Results as published (not computed here): ILSVRC top-5 test error rates.
ALEXNET_TOP5_ERROR_2012 = 0.153  # Krizhevsky et al. 2012
RUNNER_UP_TOP5_ERROR_2012 = 0.262  # second-best entry, same paper
GOOGLENET_TOP5_ERROR_2014 = 0.0667  # Szegedy et al. 2014
RESNET_TOP5_ERROR_2015 = 0.0357  # He et al. 2015, an ensemble


if __name__ == "__main__":
    # --8<-- [start:lenet_demo]
    model = lenet5()
    x = torch.zeros(1, 1, 32, 32)
    print(model(x).shape)
    for name, layer in model.named_children():
        if count_parameters(layer):
            print(name, type(layer).__name__, count_parameters(layer))
    print("total", count_parameters(model))
    # --8<-- [end:lenet_demo]

    # --8<-- [start:lenet_1998_demo]
    per_layer = lenet5_1998_parameters()
    print(per_layer, sum(per_layer.values()))
    # --8<-- [end:lenet_1998_demo]

    # --8<-- [start:big_demo]
    with torch.device("meta"):  # (1)!
        models = {
            "AlexNet": alexnet_2012(),
            "VGG-16": vgg16(),
            "Transformer": nn.Transformer(batch_first=True),
        }
    for name, net in models.items():
        print(f"{name:12s}{count_parameters(net):>12,d}")
    # --8<-- [end:big_demo]
