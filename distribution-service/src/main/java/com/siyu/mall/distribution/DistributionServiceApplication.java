package com.siyu.mall.distribution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DistributionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DistributionServiceApplication.class, args);
    }
}
