package com.storefront.display.simulator.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.storefront.display.simulator.Simulator;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final Simulator simulator;

    WebConfiguration(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SourceApiFaultInterceptor(simulator.faults(), simulator.stats()))
                .addPathPatterns("/source/**");
    }
}
